package nl.spil.visitors.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Clock;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.time.Times;
import nl.spil.visitors.api.Views.ExportView;
import nl.spil.visitors.api.Views.ReceiptView;
import nl.spil.visitors.api.Views.VisitView;
import nl.spil.visitors.app.ProtectingPrivacy;

/** A visitor's rights, exercised by the office manager: erasure with a receipt, and export. */
@Controller("/privacy")
public class PrivacyController {

    private final ProtectingPrivacy privacy;
    private final Clock clock;

    PrivacyController(ProtectingPrivacy privacy, Clock clock) {
        this.privacy = privacy;
        this.clock = clock;
    }

    @Post(uri = "/visitor-erasure", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    ReceiptView erase(@Nullable @Body String body) {
        var request = VisitorRequests.erasure(body);
        return ReceiptView.of(privacy.erase(request.email(), request.visitId()));
    }

    @Get("/visitor-export")
    @Allow(Role.OFFICE_MANAGER)
    ExportView export(Caller caller, @Nullable @QueryValue String email) {
        String address = Params.email("email", email);
        return new ExportView(address, Times.text(clock.instant()),
                privacy.export(address).stream().map(v -> VisitView.of(v, caller)).toList());
    }
}
