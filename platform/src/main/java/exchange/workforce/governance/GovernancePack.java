package exchange.workforce.governance;

import exchange.workforce.audit.AuditDao;
import exchange.workforce.audit.ReadingTheAudit;
import exchange.workforce.contacts.Contact;
import exchange.workforce.contacts.Contacts;
import exchange.workforce.contacts.Responsibility;
import exchange.workforce.identity.Caller;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.memorandum.MemorandumTerms;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.web.WebSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.email.EmailSender;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The region's information-governance pack, written from what the platform records and how it is configured: the
 * data-flow map, a draft DPIA under the ICO's template headings, the retention schedule, the privacy notice for social
 * workers, the record of processing and the summary of who read worker-level records. Every statement that depends on
 * a setting names the setting and its value ({@link Section#derivedFrom}), so a data protection officer can see where
 * it came from, and a change of the memorandum's terms changes the pack. A draft to edit, not legal advice.
 */
@Singleton
public class GovernancePack {

    private static final DateTimeFormatter GOVUK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** The pack: for which region, on which day, under which version of the terms. */
    @Serdeable
    public record Pack(String regionCode, String regionName, LocalDate generatedOn, int termsVersion, LocalDate termsInForceFrom,
                       List<Section> sections) {
    }

    /**
     * A section: its heading, its paragraphs, an optional table (the first row its headings), and the settings its
     * statements came from, by name.
     */
    @Serdeable
    public record Section(String id, String title, List<String> paragraphs, List<List<String>> table, Map<String, String> derivedFrom) {
    }

    private final TenantTransactions transactions;
    private final Memoranda memoranda;
    private final Contacts contacts;
    private final ReadingTheAudit audit;
    private final Regions regions;
    private final BeanProvider<EmailSender<?, ?>> mail;
    private final Clock clock;
    private final String sessionIdle;

    GovernancePack(TenantTransactions transactions, Memoranda memoranda, Contacts contacts, ReadingTheAudit audit, Regions regions,
                   BeanProvider<EmailSender<?, ?>> mail, Clock clock, WebSettings web) {
        this.transactions = transactions;
        this.memoranda = memoranda;
        this.contacts = contacts;
        this.audit = audit;
        this.regions = regions;
        this.mail = mail;
        this.clock = clock;
        this.sessionIdle = web.sessionIdleInWords();
    }

    /** The caller's region's pack as of today. */
    public Pack pack(Caller caller) {
        String region = caller.regionCode().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        String regionName = regions.regionName(region).orElse(region);
        record Recorded(MemorandumTerms terms, List<Membership> members, List<Contact> officers) {
        }
        Recorded recorded = transactions.read(caller, () -> {
            Memoranda.Memorandum memorandum = memoranda.memorandum(region, today);
            if (memorandum.termsInForce() == null) {
                throw ApiProblem.notFound("Your region's memorandum has no terms in force today, so there is nothing to write the pack from.");
            }
            List<Contact> officers = contacts.ofRegion(region).stream().filter(c -> c.responsibility() == Responsibility.DATA_PROTECTION).toList();
            return new Recorded(memorandum.termsInForce(), memorandum.members(), officers);
        });
        List<AuditDao.WorkerRecordReads> reads = audit.workerRecordReads(caller, today.minusMonths(12).atStartOfDay(UK).toInstant());
        MemorandumTerms terms = recorded.terms();
        List<Section> sections = new ArrayList<>();
        sections.add(dataFlows(regionName, terms, recorded.members().size()));
        sections.add(dpia(regionName, terms, recorded.members()));
        sections.add(retention(terms));
        sections.add(privacyNotice(regionName, terms, recorded.officers()));
        sections.add(recordOfProcessing(regionName, terms, recorded.members()));
        sections.add(auditSummary(reads, recorded.members()));
        return new Pack(region, regionName, today, terms.version(), terms.effectiveFrom(), List.copyOf(sections));
    }

    private Section dataFlows(String region, MemorandumTerms terms, int members) {
        boolean email = mail.isPresent();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("From", "To", "What", "Named or anonymised"));
        table.add(List.of("Each member council", "The platform", "Workforce returns: counts and rates of its children's social workers",
                "Aggregate; no person is identified"));
        table.add(List.of("The platform", "Other members of the " + region + " memorandum", "Each member's figures, named",
                "Named council; counts below " + terms.smallCountThreshold() + " are suppressed in breakdowns"));
        table.add(List.of("The platform", "Councils outside the memorandum", "The memorandum's figures once the region releases a period",
                "Anonymised: no council named; counts below " + terms.smallCountThreshold() + " suppressed, also against differencing"));
        table.add(List.of("A member council", "The platform", "Agency assignments and permanent leavers, with the social worker's "
                + "Social Work England registration number", "Pseudonymised on arrival (keyed hash); the number itself is kept only "
                + "sealed under the recording council's own key, for its own DfE return"));
        table.add(List.of("The platform", "Other members", "Whether cooling-off applies to a worker, and until when",
                "A date only; who recorded the leaving is not said"));
        table.add(List.of("A member council", "Another member council", "References and end-of-placement reviews about a social worker",
                "The worker by pseudonym; the two councils and the worker only"));
        table.add(List.of("DfE and ONS", "The platform", "Published statistics for every council", "Public, aggregate"));
        if (email) {
            table.add(List.of("The platform", "Members' named contacts", "Reminder e-mails about returns, reference requests and "
                    + "agency assignments", "The contact's name and address; never a worker's name or number"));
        }
        Map<String, String> from = new LinkedHashMap<>();
        from.put("smallCountThreshold", String.valueOf(terms.smallCountThreshold()));
        from.put("members today", String.valueOf(members));
        from.put("e-mail configured (WFX_SMTP_HOST)", email ? "yes" : "no");
        return new Section("data-flows", "Data-flow map", List.of("What goes from whom to whom under the " + region + " memorandum ("
                + members + " member councils today), and whether a person or council is named."), table, from);
    }

    private Section dpia(String region, MemorandumTerms terms, List<Membership> members) {
        MemorandumTerms.DataSharingAgreement dsa = terms.dataSharingAgreement();
        List<String> p = new ArrayList<>();
        p.add("Step 1. Identify the need for a DPIA. The platform processes information about identifiable social workers "
                + "(references, reviews, agency assignments, cooling-off) across " + members.size() + " councils, with pseudonymisation "
                + "and matching across organisations: a DPIA is expected.");
        p.add("Step 2. Describe the processing. Purpose: " + dsa.purpose() + ". Data: " + String.join("; ", dsa.dataItems()) + ". "
                + "Nature: councils submit and read through the platform's pages and API; workers are known by a keyed pseudonym of "
                + "their registration number; the number itself is never stored in clear. Scope: the member councils' children's "
                + "social workers and agency workers. Context: the " + region + " memorandum of cooperation and the DfE's agency rules.");
        p.add("Step 3. Consultation process. [To complete: who was consulted — members' data protection officers, staff "
                + "representatives, social workers.]");
        p.add("Step 4. Assess necessity and proportionality. Lawful basis: " + dsa.lawfulBasis() + ". Data minimisation: workforce "
                + "returns are counts; worker-level records carry a pseudonym, not a name; figures outside the memorandum are "
                + "anonymised with counts below " + terms.smallCountThreshold() + " suppressed. Retention: returns "
                + terms.dataSharingAgreement().retentionMonths().returns() + " months, references "
                + terms.dataSharingAgreement().retentionMonths().references() + " months, the audit trail "
                + terms.dataSharingAgreement().retentionMonths().audit() + " months (see the retention schedule).");
        p.add("Step 5. Identify and assess risks. Re-identification of a worker from a pseudonym by someone holding both the "
                + "database and the key; a council reading another's worker-level records; small counts revealing a person; "
                + "references kept longer than needed; a reminder e-mail sent to the wrong person.");
        p.add("Step 6. Identify measures to reduce risk. The pseudonym key is kept outside the database and its backups and can "
                + "be rotated; row-level security in the database keeps each council to its own records, with the council taken "
                + "from the verified sign-in, never the request; small counts are suppressed against differencing; every read of a "
                + "worker-level record is in the audit trail (summary below); retention deletes records nightly; sessions end "
                + "after " + sessionIdle + " unused; reminders carry no worker's name or number.");
        p.add("Step 7. Sign off and record outcomes. [To complete: measures approved by, residual risks approved by, DPO advice, "
                + "review date.]");
        Map<String, String> from = new LinkedHashMap<>();
        from.put("dsaPurpose", dsa.purpose());
        from.put("dsaLawfulBasis", dsa.lawfulBasis());
        from.put("dsaDataItems", String.join("; ", dsa.dataItems()));
        from.put("smallCountThreshold", String.valueOf(terms.smallCountThreshold()));
        from.put("retention (returns, references, audit)", retentionWords(terms));
        from.put("session idle (WFX_SESSION_IDLE)", sessionIdle);
        return new Section("dpia", "Data protection impact assessment (draft, following the ICO's template)", p, List.of(), from);
    }

    private static Section retention(MemorandumTerms terms) {
        MemorandumTerms.Retention months = terms.dataSharingAgreement().retentionMonths();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Record", "Kept for", "Counted from", "Set by"));
        table.add(List.of("Workforce returns and their figures", months.returns() + " months", "the end of the period", "the memorandum's terms"));
        table.add(List.of("Agency assignments", months.returns() + " months", "the assignment's end", "the memorandum's terms (as returns)"));
        table.add(List.of("References, requests, engagements and reviews", months.references() + " months",
                "the last activity of the case", "the memorandum's terms"));
        table.add(List.of("The audit trail", months.audit() + " months", "the event", "the memorandum's terms"));
        table.add(List.of("Permanent leavers (for cooling-off)", "12 months", "the leaving day", "the platform"));
        table.add(List.of("Upload records", "30 days", "the upload", "the platform"));
        table.add(List.of("Reminder e-mails (the outbox)", "12 months", "queuing", "the platform"));
        table.add(List.of("Returns being entered online (drafts)", "6 months unchanged", "the last change", "the platform"));
        table.add(List.of("Browser sessions", "8 hours at most", "sign-in", "the platform"));
        Map<String, String> from = new LinkedHashMap<>();
        from.put("retentionReturnsMonths", String.valueOf(months.returns()));
        from.put("retentionReferencesMonths", String.valueOf(months.references()));
        from.put("retentionAuditMonths", String.valueOf(months.audit()));
        return new Section("retention", "Retention schedule", List.of("Records are deleted by the nightly retention run, using the "
                + "terms in force for the council holding them."), table, from);
    }

    private static Section privacyNotice(String region, MemorandumTerms terms, List<Contact> officers) {
        MemorandumTerms.Retention months = terms.dataSharingAgreement().retentionMonths();
        List<String> p = new ArrayList<>();
        p.add("Councils of the " + region + " memorandum share some information about social workers they employ or engage, "
                + "for this purpose: " + terms.dataSharingAgreement().purpose() + ". The lawful basis is " + terms.dataSharingAgreement().lawfulBasis() + ".");
        p.add("What is held about you: references and end-of-placement reviews written about you by one member council for "
                + "another; if you work through an agency, your assignments (role, team, dates, pay rates) and, if you leave a "
                + "permanent post, the day you left, so that the DfE's cooling-off rule can be applied across the region.");
        p.add("How you are identified: by your Social Work England registration number, which is turned on arrival into a code "
                + "(a keyed hash) that only the platform can compute; the number itself is not stored, except sealed under the "
                + "recording council's own key so that council can file its return to the DfE. Your name is not held by the "
                + "platform.");
        p.add("How long: references and reviews " + months.references() + " months; agency assignments " + months.returns()
                + " months after they end; a leaving day 12 months.");
        p.add("Your rights: you may ask any member council for a copy of what it holds about you (a right of access). A council "
                + "that wrote a reference about you can give you a copy from the platform, which records that it did.");
        p.add(officers.isEmpty() ? "Contact: each member council's data protection officer. [No member has named a data protection "
                + "contact on the platform yet.]" : "Contact: " + String.join("; ", officers.stream().map(c -> c.name() + " (" + c.email() + ")").toList()) + ".");
        Map<String, String> from = new LinkedHashMap<>();
        from.put("dsaPurpose", terms.dataSharingAgreement().purpose());
        from.put("retention (returns, references, audit)", retentionWords(terms));
        from.put("members' data protection contacts", String.valueOf(officers.size()));
        return new Section("privacy-notice", "Privacy notice for social workers", p, List.of(), from);
    }

    private Section recordOfProcessing(String region, MemorandumTerms terms, List<Membership> members) {
        MemorandumTerms.DataSharingAgreement dsa = terms.dataSharingAgreement();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Heading", "Entry"));
        table.add(List.of("Controllers", members.isEmpty() ? "None today" : String.join(", ", members.stream().map(Membership::authorityName).toList())
                + " (each for its own records; jointly for the memorandum's shared figures)"));
        table.add(List.of("Purposes", dsa.purpose()));
        table.add(List.of("Lawful basis", dsa.lawfulBasis()));
        table.add(List.of("Categories of people", "Children's social workers and agency social workers of member councils; the councils' named contacts"));
        table.add(List.of("Categories of data", String.join("; ", dsa.dataItems())));
        table.add(List.of("Recipients", "Member councils of the " + region + " memorandum; councils outside it see anonymised figures only"));
        table.add(List.of("Transfers outside the UK", "None"));
        table.add(List.of("Retention", retentionWords(terms) + " (see the retention schedule)"));
        table.add(List.of("Security", "Pseudonymisation under a key held outside the database; row-level security by council; "
                + "suppression of small counts; audit of worker-level reads; encrypted connections"));
        Map<String, String> from = new LinkedHashMap<>();
        from.put("members today", String.valueOf(members.size()));
        from.put("dsaPurpose", dsa.purpose());
        from.put("dsaLawfulBasis", dsa.lawfulBasis());
        from.put("dsaDataItems", String.join("; ", dsa.dataItems()));
        return new Section("record-of-processing", "Record of processing activities (UK GDPR Article 30)", List.of(), table, from);
    }

    private Section auditSummary(List<AuditDao.WorkerRecordReads> reads, List<Membership> members) {
        Map<String, String> names = new LinkedHashMap<>();
        members.forEach(m -> names.put(m.authorityCode(), m.authorityName()));
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Council", "What was read", "Times", "People"));
        for (AuditDao.WorkerRecordReads r : reads) {
            String council = r.authorityCode().isEmpty() ? "The region's own users"
                    : names.getOrDefault(r.authorityCode(), regions.authority(r.authorityCode()).map(a -> a.name()).orElse(r.authorityCode()));
            table.add(List.of(council, words(r.action()), String.valueOf(r.events()), String.valueOf(r.people())));
        }
        List<String> p = List.of(reads.isEmpty() ? "No worker-level record was read in the last 12 months."
                : "Reads of worker-level records in the last 12 months, from the audit trail. The trail itself names each person and "
                + "record, for the region's users (GET /api/v1/audit).");
        return new Section("audit-summary", "Who read worker-level records", p, reads.isEmpty() ? List.of() : table,
                Map.of("period", "the last 12 months", "actions", String.join(", ", ReadingTheAudit.WORKER_RECORD_READS.stream().map(Enum::name).toList())));
    }

    private static String words(String action) {
        return switch (action) {
            case "ENGAGEMENT_READ" -> "An engagement (a worker being engaged)";
            case "REFERENCE_READ" -> "A reference";
            case "REFERENCE_EXPORTED" -> "A reference, downloaded";
            case "REFERENCE_SHARED_WITH_WORKER" -> "A reference, copied to the worker";
            case "REFERENCE_HOLDERS_LOOKED_UP" -> "Which councils hold references about a worker";
            case "INCOMING_REQUESTS_MATCHED" -> "Reference requests matched to a worker";
            case "PLACEMENT_REVIEW_READ" -> "An end-of-placement review";
            case "AGENCY_RETURN_EXPORTED" -> "DfE's agency return (with registration numbers)";
            default -> action;
        };
    }

    private static String retentionWords(MemorandumTerms terms) {
        MemorandumTerms.Retention months = terms.dataSharingAgreement().retentionMonths();
        return "returns " + months.returns() + " months, references " + months.references() + " months, audit " + months.audit() + " months";
    }
}
