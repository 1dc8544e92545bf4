package nl.spil.budget;

import nl.spil.testkit.LayeringContract;

/** The layers of the budget function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.budget";
    }
}
