package nl.spil.directory.app;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** A {@link People} for unit tests: each test's fake overrides what its use case calls; the rest fails loudly. */
abstract class UnusedPeople implements People {

    @Override
    public Optional<Person> byId(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Person> byEmail(String email) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Person> list(PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> registered(Collection<String> emails) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Response add(Person person, CreateRequest request, Function<Person, Response> answer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replace(Person current, Person changed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void leave(Person person, Departure departure, Optional<String> sub) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Departure> departure(String personId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> addAll(List<Person> people) {
        throw new UnsupportedOperationException();
    }
}
