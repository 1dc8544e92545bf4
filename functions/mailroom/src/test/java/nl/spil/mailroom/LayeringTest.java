package nl.spil.mailroom;

import nl.spil.testkit.LayeringContract;

/** The layers of the mailroom function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.mailroom";
    }
}
