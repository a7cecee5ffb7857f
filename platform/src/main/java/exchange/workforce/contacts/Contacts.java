package exchange.workforce.contacts;

import jakarta.inject.Singleton;

import java.util.List;

/** What other features read of the contacts: a region's or a council's named contacts. Its DAO stays in this package. */
@Singleton
public class Contacts {

    private final ContactDao contacts;

    Contacts(ContactDao contacts) {
        this.contacts = contacts;
    }

    public List<Contact> ofRegion(String regionCode) {
        return contacts.ofRegion(regionCode);
    }

    /** A council's contacts, in the caller's transaction (a council's own, or its region's). */
    public List<Contact> ofAuthority(String authorityCode) {
        return contacts.ofAuthority(authorityCode);
    }
}
