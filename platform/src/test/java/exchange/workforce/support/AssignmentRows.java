package exchange.workforce.support;

import java.util.List;

/** Rows of an assignments upload as a council fills them in, for a region capping social workers at £45.00 an hour. */
public final class AssignmentRows {

    public static final List<String> HEADER = List.of("registration_number", "role_type", "team", "agency", "start_date", "planned_end_date",
            "hourly_pay", "employer_ni", "apprenticeship_levy", "holiday_pay", "agency_charge", "qualified_on", "post_qualifying_months",
            "notice_weeks", "project_team", "director_name", "director_signed_on", "chief_executive_name", "chief_executive_signed_on",
            "sign_off_reason", "exception_references");

    /** Within the cap: £40.00 an hour in all. */
    public static List<String> withinCap(String number) {
        return List.of(number, "SOCIAL_WORKER", "Assessment, Woking", "Example Agency Ltd", "2026-08-03", "2026-11-27", "31.00", "4.50", "0.20",
                "4.30", "47.00", "2018-09-01", "72", "4", "N", "", "", "", "", "", "Two references requested; due before the start");
    }

    /** A penny over the cap, signed off by both. */
    public static List<String> overCapSignedOff(String number) {
        return List.of(number, "SOCIAL_WORKER", "Child protection, Guildford", "Example Agency Ltd", "03/08/2026", "", "£36.01", "4.50", "0.20",
                "4.30", "52.00", "2018-09-01", "72", "4", "N", "Dana Director", "2026-07-20", "Chris Chief", "2026-07-21",
                "No worker within the cap for a post vacant since May", "Two references requested; due before the start");
    }

    /** The same assignment as a JSON body: a penny over the South East's £45 cap at £45.01 an hour in all. */
    public static java.util.Map<String, Object> body(String number) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("registrationNumber", number);
        body.put("roleType", "SOCIAL_WORKER");
        body.put("team", "Child protection, Guildford");
        body.put("agency", "Example Agency Ltd");
        body.put("startDate", "2026-08-03");
        body.put("plannedEndDate", "2026-11-27");
        body.put("hourlyPay", 36.01);
        body.put("employerNi", 4.50);
        body.put("apprenticeshipLevy", 0.20);
        body.put("holidayPay", 4.30);
        body.put("agencyCharge", 52.00);
        body.put("qualifiedOn", "2018-09-01");
        body.put("postQualifyingMonths", 72);
        body.put("noticeWeeks", 4);
        body.put("projectTeam", false);
        return body;
    }

    private AssignmentRows() {
    }
}
