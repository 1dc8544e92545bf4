package nl.spil.notifier.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.spil.notifier.app.FailedOutbox;
import nl.spil.notifier.app.ResendingFailedNotifications;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.outbox.OutboxItem;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/** Failed notifications: the office manager sees them and puts one, or every one a filter matches, back in the queue. */
@Controller("/notifications")
public class NotificationsController {

    private final ResendingFailedNotifications failed;

    NotificationsController(ResendingFailedNotifications failed) {
        this.failed = failed;
    }

    @Serdeable
    record NotificationView(String id, String kind, String status, @Nullable String eventId, @Nullable String to,
                            @Nullable String subject, @Nullable String detailType, int attempts, String createdAt,
                            @Nullable String failedAt, @Nullable String lastError) {

        static NotificationView of(FailedOutbox.FailedItem f) {
            return new NotificationView(f.key(), f.kind().name().toLowerCase(Locale.ROOT), "failed",
                    f.eventId().orElse(null), f.recipient().orElse(null), f.subject().orElse(null),
                    f.detailType().orElse(null), f.attempts(), Times.text(f.createdAt()),
                    f.failedAt().map(Times::text).orElse(null), f.lastError());
        }
    }

    @Serdeable
    record PageView(List<NotificationView> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record RetryView(String id, String status) {
    }

    @Serdeable
    record BulkRetryView(int retried, boolean more) {
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    PageView list(@Nullable @QueryValue String status, @Nullable @QueryValue String limit,
                  @Nullable @QueryValue String cursor) {
        if (status == null || !status.equals("failed")) {
            throw ProblemException.badRequest("status", "must be 'failed' (the only list kept)");
        }
        Page<FailedOutbox.FailedItem> page = failed.list(PageRequest.of(limit, cursor));
        return new PageView(page.items().stream().map(NotificationView::of).toList(), page.nextCursor());
    }

    @Post(uri = "/{id}/retry", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<RetryView> retry(String id) {
        if (!ResendingFailedNotifications.looksLikeKey(id)) {
            throw ProblemException.notFound("Notification", "with this id");
        }
        return switch (failed.retry(id)) {
            case RETRIED -> HttpResponse.accepted().body(new RetryView(id, "pending"));
            case NOT_FOUND -> throw ProblemException.notFound("Notification", id);
            case NOT_FAILED -> throw ProblemException.conflict("not-failed", "Not failed",
                    "Only a failed notification can be retried; this one is pending, being sent or sent");
        };
    }

    /** Every failed notification the filter matches ({} for all), at most 500 per call; {@code more} says to call again. */
    @Post(uri = "/retry", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<BulkRetryView> retryAll(@Nullable @Body String body) {
        JsonFields f = JsonBody.parse(body).only("kind", "createdFrom", "createdTo", "errorContains");
        OutboxItem.Kind kind = f.oneOf("kind", NotificationsController::kind, "'email' or 'event'", false);
        Optional<Instant> from = f.has("createdFrom") ? Optional.ofNullable(f.instant("createdFrom")).map(OffsetDateTime::toInstant)
                : Optional.empty();
        Optional<Instant> to = f.has("createdTo") ? Optional.ofNullable(f.instant("createdTo")).map(OffsetDateTime::toInstant)
                : Optional.empty();
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            f.error("createdTo", "must not be before createdFrom");
        }
        Optional<String> errorContains = f.optionalText("errorContains", 200);
        f.done();
        FailedOutbox.Retried retried = failed.retryAll(new FailedOutbox.Filter(Optional.ofNullable(kind), from, to,
                errorContains));
        return HttpResponse.accepted().body(new BulkRetryView(retried.retried(), retried.more()));
    }

    private static Optional<OutboxItem.Kind> kind(String text) {
        return switch (text) {
            case "email" -> Optional.of(OutboxItem.Kind.EMAIL);
            case "event" -> Optional.of(OutboxItem.Kind.EVENT);
            default -> Optional.empty();
        };
    }
}
