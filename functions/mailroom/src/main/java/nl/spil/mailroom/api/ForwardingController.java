package nl.spil.mailroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Optional;
import nl.spil.mailroom.api.Views.ListView;
import nl.spil.mailroom.api.Views.MailItemView;
import nl.spil.mailroom.app.ForwardingMail;
import nl.spil.mailroom.app.MailAccess.Viewer;
import nl.spil.mailroom.domain.Address;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.json.JsonBody;

/** Home workers: the recipient's request, the desk's list and labels, and "forwarded". */
@Controller("/mail")
public class ForwardingController {

    private static final Viewer DESK = new Viewer(true, false);
    private static final Viewer RECIPIENT = new Viewer(false, true);
    private final ForwardingMail forwarding;

    ForwardingController(ForwardingMail forwarding) {
        this.forwarding = forwarding;
    }

    @Post(uri = "/{id}/forward-request", consumes = MediaType.ALL)
    @Allow(anyone = true)
    MailItemView request(Caller caller, String id, @Nullable @Body String body) {
        Optional<Address> address = MailRequests.forwardTo(JsonBody.parse(body));
        return MailItemView.of(forwarding.request(caller, id, address), RECIPIENT, Optional.empty());
    }

    @Get("/forwarding-list")
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    ListView<MailItemView> list(@Nullable @QueryValue String site) {
        return new ListView<>(forwarding.list(MailRequests.site(site)).stream()
                .map(i -> MailItemView.of(i, DESK, Optional.empty())).toList());
    }

    /** The forwarding list as address labels to print (PDF, A4, 3 × 8 labels). */
    @Get(value = "/forwarding-labels", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    HttpResponse<byte[]> labels(@Nullable @QueryValue String site) {
        byte[] pdf = AddressLabels.pdf(forwarding.list(MailRequests.site(site)));
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"forwarding-labels.pdf\"");
    }

    @Post(uri = "/{id}/forwarded", consumes = MediaType.ALL)
    @Allow({Role.RECEPTION, Role.OFFICE_MANAGER})
    MailItemView forwarded(Caller caller, String id, @Nullable @Body String body) {
        MailRequests.Sent sent = MailRequests.sent(JsonBody.parse(body));
        return MailItemView.of(forwarding.forwarded(caller, id, sent.carrier(), sent.trackingNumber()), DESK, Optional.empty());
    }
}
