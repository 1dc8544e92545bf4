package nl.spil.notifier.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import nl.spil.notifier.app.FailedNotifications;
import nl.spil.notifier.app.OutboxLedger;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Role;
import nl.spil.platform.paging.Cursors;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/** Failed notifications: the office manager sees them and puts one back in the queue. */
@Controller("/notifications")
public class NotificationsController {

    static final String CURSOR_SCOPE = "notifications:failed";

    private final FailedNotifications failed;
    private final Cursors cursors;

    NotificationsController(FailedNotifications failed, Cursors cursors) {
        this.failed = failed;
        this.cursors = cursors;
    }

    @Serdeable
    record NotificationView(String id, String kind, String status, @Nullable String eventId, @Nullable String to,
                            @Nullable String subject, @Nullable String detailType, int attempts, String createdAt,
                            @Nullable String failedAt, @Nullable String lastError) {

        static NotificationView of(OutboxLedger.FailedItem f) {
            boolean email = f.kind() == nl.spil.platform.outbox.OutboxItem.Kind.EMAIL;
            return new NotificationView(f.key(), f.kind().name().toLowerCase(java.util.Locale.ROOT), "failed",
                    f.eventIdOrNull(), f.recipientOrNull(), email ? f.subjectOrDetailType() : null,
                    email ? null : f.subjectOrDetailType(), f.attempts(), String.valueOf(f.createdAt()),
                    f.failedAt() == null ? null : f.failedAt().toString(), f.lastError());
        }
    }

    @Serdeable
    record PageView(List<NotificationView> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record RetryView(String id, String status) {
    }

    @Get
    @Allow(Role.OFFICE_MANAGER)
    PageView list(@Nullable @QueryValue String status, @Nullable @QueryValue String limit,
                  @Nullable @QueryValue String cursor) {
        if (status == null || !status.equals("failed")) {
            throw ProblemException.badRequest("status", "must be 'failed' (the only list kept)");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        OutboxLedger.FailedPage result = failed.list(page.limit(), cursors.decode(CURSOR_SCOPE, page.cursor()));
        return new PageView(result.items().stream().map(NotificationView::of).toList(),
                cursors.encode(CURSOR_SCOPE, result.lastKey()));
    }

    @Post(uri = "/{id}/retry", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<RetryView> retry(String id) {
        if (!FailedNotifications.looksLikeKey(id)) {
            throw ProblemException.notFound("Notification", "with this id");
        }
        return switch (failed.retry(id)) {
            case RETRIED -> HttpResponse.accepted().body(new RetryView(id, "pending"));
            case NOT_FOUND -> throw ProblemException.notFound("Notification", id);
            case NOT_FAILED -> throw ProblemException.conflict("not-failed", "Not failed",
                    "Only a failed notification can be retried; this one is pending, being sent or sent");
        };
    }
}
