package nl.spil.stock;

import nl.spil.testkit.LayeringContract;

/** The layers of the stock function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.stock";
    }
}
