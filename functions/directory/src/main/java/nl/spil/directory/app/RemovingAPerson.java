package nl.spil.directory.app;

import jakarta.inject.Singleton;
import nl.spil.platform.problem.ProblemException;

/** The office manager removes someone who left; their e-mail becomes free again. */
@Singleton
public class RemovingAPerson {

    private final People people;

    public RemovingAPerson(People people) {
        this.people = people;
    }

    public void remove(String id) {
        people.remove(people.byId(id).orElseThrow(() -> ProblemException.notFound("person", id)));
    }
}
