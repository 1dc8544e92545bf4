package nl.spil.platform.paging;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list and the opaque cursor of the next page (null on the last page). */
@Serdeable
public record Page<T>(List<T> items, String nextCursor) {
}
