package exchange.workforce.contacts;

import jakarta.inject.Singleton;

import java.util.List;

/** What other features read of the contacts: a region's named contacts. Its DAO stays in this package. */
@Singleton
public class Contacts {

    private final ContactDao contacts;

    Contacts(ContactDao contacts) {
        this.contacts = contacts;
    }

    public List<Contact> ofRegion(String regionCode) {
        return contacts.ofRegion(regionCode);
    }
}
