package nl.spil.directory.domain;

import java.util.Optional;

/** A home address, kept only so the office can forward post to home workers. */
public record Address(String line1, Optional<String> line2, String postalCode, String city, String country) {
}
