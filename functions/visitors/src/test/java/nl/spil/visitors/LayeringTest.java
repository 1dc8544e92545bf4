package nl.spil.visitors;

import nl.spil.testkit.LayeringContract;

/** The layers of the visitors function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.visitors";
    }
}
