package nl.spil.bookings;

import nl.spil.testkit.LayeringContract;

/** The layers of the bookings function (see {@link LayeringContract}). */
class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "nl.spil.bookings";
    }
}
