package nl.spil.mailroom.api;

import java.util.ArrayList;
import java.util.List;

/** Logging request bodies as reception's front end sends them. */
final class Deliveries {

    private final String siteId;
    private final List<String> items = new ArrayList<>();

    private Deliveries(String siteId) {
        this.siteId = siteId;
    }

    static Deliveries at(String siteId) {
        return new Deliveries(siteId);
    }

    /** A parcel from DHL for a person, on shelf B. */
    Deliveries parcelFor(String personId) {
        return item("{\"kind\":\"parcel\",\"carrier\":\"dhl\",\"trackingNumber\":\"JVGL0601234567890123\",\"sender\":\"Bol.com\","
                + "\"recipient\":{\"personId\":\"" + personId + "\"},\"shelf\":\"B\"}");
    }

    Deliveries letterFor(String personId, String shelf) {
        return item("{\"kind\":\"letter\",\"carrier\":\"postnl\",\"sender\":\"Gemeente Amsterdam\","
                + "\"recipient\":{\"personId\":\"" + personId + "\"},\"shelf\":\"" + shelf + "\"}");
    }

    Deliveries lettersForDepartment(String department, int count) {
        return item("{\"kind\":\"letter\",\"carrier\":\"postnl\",\"sender\":\"Belastingdienst\","
                + "\"recipient\":{\"department\":\"" + department + "\"},\"shelf\":\"A\",\"count\":" + count + "}");
    }

    Deliveries photographedParcelFor(String personId, String contentType, long bytes) {
        return item("{\"kind\":\"parcel\",\"carrier\":\"ups\",\"trackingNumber\":\"1Z999AA10123456784\",\"sender\":\"Coolblue\","
                + "\"recipient\":{\"personId\":\"" + personId + "\"},\"shelf\":\"C\",\"scan\":{\"contentType\":\"" + contentType
                + "\",\"bytes\":" + bytes + "}}");
    }

    Deliveries item(String json) {
        items.add(json);
        return this;
    }

    String json() {
        return "{\"siteId\":\"" + siteId + "\",\"items\":[" + String.join(",", items) + "]}";
    }
}
