package nl.spil.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller caller(String id, Role... roles) {
        return new Caller(id, Optional.empty(), roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    @Test
    void anyoneMayActOnTheirOwnObject() {
        assertThat(caller("me", Role.STAFF).mayActOnObjectOf("me")).isTrue();
        assertThat(caller("me").mayActOnObjectOf("me")).isTrue();
    }

    @Test
    void staffReceptionAndManagementMayNotActOnSomeoneElsesObject() {
        assertThat(caller("me", Role.STAFF).mayActOnObjectOf("you")).isFalse();
        assertThat(caller("me", Role.STAFF, Role.RECEPTION, Role.MANAGEMENT).mayActOnObjectOf("you")).isFalse();
    }

    @Test
    void anOfficeManagerMayActOnEveryonesObject() {
        assertThat(caller("me", Role.OFFICE_MANAGER).mayActOnObjectOf("you")).isTrue();
        assertThat(caller("me", Role.STAFF, Role.OFFICE_MANAGER).mayActOnObjectOf("you")).isTrue();
    }

    @Test
    void anObjectWithoutOwnerIsNobodysExceptTheOfficeManagers() {
        assertThat(caller("me", Role.STAFF).mayActOnObjectOf(null)).isFalse();
        assertThat(caller("me", Role.OFFICE_MANAGER).mayActOnObjectOf(null)).isTrue();
    }

    @Test
    void ownershipComparesIdsExactly() {
        assertThat(caller("abc", Role.STAFF).mayActOnObjectOf("ABC")).isFalse();
        assertThat(caller("abc", Role.STAFF).mayActOnObjectOf("abc ")).isFalse();
    }

    @Test
    void hasAndHasAnyCheckTheRoles() {
        Caller c = caller("me", Role.STAFF, Role.RECEPTION);

        assertThat(c.has(Role.RECEPTION)).isTrue();
        assertThat(c.has(Role.OFFICE_MANAGER)).isFalse();
        assertThat(c.hasAny(Set.of(Role.OFFICE_MANAGER, Role.RECEPTION))).isTrue();
        assertThat(c.hasAny(Set.of(Role.OFFICE_MANAGER, Role.MANAGEMENT))).isFalse();
        assertThat(c.hasAny(Set.of())).isFalse();
    }

    @Test
    void theRolesAreAnImmutableCopy() {
        Set<Role> roles = EnumSet.of(Role.STAFF);
        Caller c = new Caller("me", Optional.empty(), roles);

        roles.add(Role.OFFICE_MANAGER);

        assertThat(c.has(Role.OFFICE_MANAGER)).isFalse();
        assertThatThrownBy(() -> c.roles().add(Role.OFFICE_MANAGER)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolesAreNamedAsTheIdentityProvidersGroups() {
        assertThat(Role.STAFF.group()).isEqualTo("staff");
        assertThat(Role.RECEPTION.group()).isEqualTo("reception");
        assertThat(Role.OFFICE_MANAGER.group()).isEqualTo("office-manager");
        assertThat(Role.MANAGEMENT.group()).isEqualTo("management");
        assertThat(Role.fromGroup(" Office-Manager ")).contains(Role.OFFICE_MANAGER);
        assertThat(Role.fromGroup("office_manager")).isEmpty();
        assertThat(Role.fromGroup(null)).isEmpty();
    }
}
