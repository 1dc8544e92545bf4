package nl.spil.mailroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.LocalDate;
import java.util.Optional;
import nl.spil.mailroom.api.Views.DayCountView;
import nl.spil.mailroom.api.Views.ListView;
import nl.spil.mailroom.api.Views.MailItemView;
import nl.spil.mailroom.api.Views.SuggestionView;
import nl.spil.mailroom.app.HandingOut;
import nl.spil.mailroom.app.LookingAtMail;
import nl.spil.mailroom.app.MailAccess.Viewer;
import nl.spil.mailroom.app.ReturningMail;
import nl.spil.mailroom.app.SuggestingRecipients;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.problem.ProblemException;
import nl.spil.platform.time.Times;

/** The front desk: hand-outs, unlocking, returns, recipient suggestions, the return list and the day counts. */
@Controller("/mail")
public class DeskController {

    private static final Viewer DESK = new Viewer(true, false);
    private final HandingOut handingOut;
    private final ReturningMail returning;
    private final SuggestingRecipients suggesting;
    private final LookingAtMail looking;

    DeskController(HandingOut handingOut, ReturningMail returning, SuggestingRecipients suggesting, LookingAtMail looking) {
        this.handingOut = handingOut;
        this.returning = returning;
        this.suggesting = suggesting;
        this.looking = looking;
    }

    @Post(uri = "/{id}/pickup", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    MailItemView pickup(Caller caller, String id, @Nullable @Body String body) {
        MailRequests.Pickup pickup = MailRequests.pickup(JsonBody.parse(body));
        return MailItemView.of(handingOut.handOut(caller, id, pickup.code(), pickup.collectorId()), DESK, Optional.empty());
    }

    @Post(uri = "/{id}/unlock", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    MailItemView unlock(String id) {
        return MailItemView.of(handingOut.unlock(id), DESK, Optional.empty());
    }

    @Post(uri = "/{id}/return", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    MailItemView returnToSender(Caller caller, String id, @Nullable @Body String body) {
        MailRequests.Sent sent = MailRequests.sent(JsonBody.parse(body));
        return MailItemView.of(returning.returnToSender(caller, id, sent.carrier(), sent.trackingNumber()), DESK, Optional.empty());
    }

    /** Whom a label may mean: people and departments, best first. */
    @Get("/recipients")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    ListView<SuggestionView> recipients(@Nullable @QueryValue String q, @Nullable @QueryValue String site,
                                        @Nullable @QueryValue String limit) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q", "is required: what the label says");
        }
        if (q.length() > 100) {
            throw ProblemException.badRequest("q", "must be at most 100 characters");
        }
        int max = 10;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > SuggestingRecipients.MAX_SUGGESTIONS) {
                throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + SuggestingRecipients.MAX_SUGGESTIONS);
            }
        }
        Optional<String> siteId = site == null ? Optional.empty() : Optional.of(MailRequests.site(site));
        return new ListView<>(suggesting.suggest(q, siteId, max).stream().map(SuggestionView::of).toList());
    }

    /** Post waiting past the site's return-after days, or whose recipient left: it can go back to its sender. */
    @Get("/return-list")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    ListView<MailItemView> returnList(@Nullable @QueryValue String site) {
        return new ListView<>(looking.returnList(MailRequests.site(site)).stream()
                .map(i -> MailItemView.of(i, DESK, Optional.empty())).toList());
    }

    /** Items logged, collected, forwarded and returned per day at a site (site-local days). */
    @Get("/counts")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    ListView<DayCountView> counts(@Nullable @QueryValue String site, @Nullable @QueryValue String from,
                                  @Nullable @QueryValue String to) {
        String siteId = MailRequests.site(site);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        return new ListView<>(looking.counts(siteId, first, last).stream().map(DayCountView::of).toList());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required: a date such as 2027-03-29");
        }
        return Times.parseDate(value.trim()).orElseThrow(() -> ProblemException.badRequest(name, Times.DATE_EXPECTED));
    }
}
