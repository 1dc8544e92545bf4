package nl.spil.notifier;

import nl.spil.testkit.LayeringContract;

/** The layers of the notifier function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.notifier";
    }
}
