package nl.spil.directory;

import nl.spil.testkit.LayeringContract;

/** The layers of the directory function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.directory";
    }
}
