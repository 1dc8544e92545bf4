package nl.spil.directory.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.spil.directory.api.Views.PageView;
import nl.spil.directory.api.Views.PersonView;
import nl.spil.directory.app.ChangingAPerson;
import nl.spil.directory.app.ImportingPeople;
import nl.spil.directory.app.LookingUpPeople;
import nl.spil.directory.app.OffboardingAPerson;
import nl.spil.directory.app.RegisteringAPerson;
import nl.spil.directory.domain.Person;
import nl.spil.platform.http.Json;
import nl.spil.platform.http.Requests;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.identity.Allow;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.identity.Role;
import nl.spil.platform.ids.Ids;
import nl.spil.platform.json.JsonBody;
import nl.spil.platform.json.JsonFields;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.ProblemException;

/** People and "me". */
@Controller
public class PeopleController {

    static final int CSV_LIMIT_BYTES = 1024 * 1024;
    private final LookingUpPeople lookingUp;
    private final RegisteringAPerson registering;
    private final ImportingPeople importing;
    private final ChangingAPerson changing;
    private final OffboardingAPerson offboarding;
    private final Json json;

    PeopleController(LookingUpPeople lookingUp, RegisteringAPerson registering, ImportingPeople importing,
                     ChangingAPerson changing, OffboardingAPerson offboarding, Json json) {
        this.lookingUp = lookingUp;
        this.registering = registering;
        this.importing = importing;
        this.changing = changing;
        this.offboarding = offboarding;
        this.json = json;
    }

    @Get("/me")
    @Allow(anyone = true)
    PersonView me(Caller caller) {
        return PersonView.of(lookingUp.me(caller));
    }

    @Get("/people")
    @Allow(Role.OFFICE_MANAGER)
    PageView<PersonView> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<Person> page = lookingUp.list(PageRequest.of(limit, cursor));
        return new PageView<>(page.items().stream().map(PersonView::of).toList(), page.nextCursor());
    }

    @Post(uri = "/people", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    HttpResponse<String> create(Caller caller, HttpRequest<?> request, @Nullable @Body String body) {
        JsonFields fields = JsonBody.parse(body).only(DirectoryRequests.PERSON_FIELDS);
        var details = DirectoryRequests.person(fields);
        fields.done();
        CreateRequest create = Requests.create(caller, request, body);
        return Json.answer(registering.register(details, create,
                person -> json.created(PersonView.of(person), "/people/" + person.id())));
    }

    @Post(uri = "/people/import", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    Views.ImportView importCsv(@Nullable @Body String body) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > CSV_LIMIT_BYTES) {
            throw ProblemException.tooLarge("a CSV import is at most " + CSV_LIMIT_BYTES + " bytes");
        }
        return Views.ImportView.of(importing.importRows(PeopleCsv.read(body)));
    }

    @Get("/people/{id}")
    @Allow(Role.OFFICE_MANAGER)
    PersonView get(String id) {
        return PersonView.of(lookingUp.byId(Ids.existing("person", id)));
    }

    @Put(uri = "/people/{id}", consumes = MediaType.ALL)
    @Allow(Role.OFFICE_MANAGER)
    PersonView update(String id, @Nullable @Body String body) {
        Ids.existing("person", id);
        JsonFields fields = JsonBody.parse(body).only(withVersion(DirectoryRequests.PERSON_FIELDS));
        Long version = fields.integer("version", 1, Long.MAX_VALUE);
        var details = DirectoryRequests.person(fields);
        fields.done();
        return PersonView.of(changing.change(Ids.existing("person", id), version, details));
    }

    /** Someone left: the receipt of what was done and handed over (the same receipt again for a while). */
    @Delete("/people/{id}")
    @Allow(Role.OFFICE_MANAGER)
    Views.LeavingReceiptView leave(String id) {
        return Views.LeavingReceiptView.of(offboarding.leave(Ids.existing("person", id)));
    }

    static List<String> withVersion(List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        all.add("version");
        return all;
    }
}
