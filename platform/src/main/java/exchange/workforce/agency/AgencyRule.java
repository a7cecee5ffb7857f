package exchange.workforce.agency;

/** A rule an agency assignment is checked against, with its code and where it comes from. */
interface AgencyRule {

    String STATUTORY_GUIDANCE = "DfE, Local authorities' use of agency child and family social workers: statutory guidance "
            + "(in force for new assignments from 31 October 2024)";

    String code();

    String source();

    Verdict judge(Proposal proposal);
}
