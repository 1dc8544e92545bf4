package nl.spil.directory.app;

import jakarta.inject.Singleton;
import nl.spil.directory.domain.Person;
import nl.spil.platform.identity.Caller;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;
import nl.spil.platform.problem.Problem;
import nl.spil.platform.problem.ProblemException;

/** Anyone finds their own record ("me"); the office manager finds everyone. */
@Singleton
public class LookingUpPeople {

    private final People people;

    public LookingUpPeople(People people) {
        this.people = people;
    }

    public Person me(Caller caller) {
        String email = caller.email().orElseThrow(() -> new ProblemException(Problem.of(403, "token-without-email",
                "The token carries no e-mail", "send the ID token, which carries the e-mail claim")));
        return people.byEmail(email).orElseThrow(() -> new ProblemException(Problem.of(404, "not-in-directory",
                "Not in the directory", "there is no directory record for your e-mail address; ask the office manager to add you")));
    }

    public Person byId(String id) {
        return people.byId(id).orElseThrow(() -> ProblemException.notFound("person", id));
    }

    public Page<Person> list(PageRequest page) {
        return people.list(page);
    }
}
