namespace Compliance.Model.Diagnostics;

// The rules that follow from the programme's HIPAA role: a business associate's own breach clock
// (164.410), the law-enforcement delay as 164.412 writes it, and the media duty that needs the States.
public static partial class Rules
{
    public static readonly Rule BreachWithoutCoveredEntities = new(
        "CMP0026", "A business associate's breach names the covered entities it affected", Severity.Error, Integrity,
        "List each affected covered entity under the incident's covered_entities (an ID from programme.covered_entities), with notified_on once notified.");

    public static readonly Rule CoveredEntityNoticeOverdue = new(
        "CMP1706", "A business associate notifies each affected covered entity within 60 days of discovery (164.410(b))", Severity.Error, Breach,
        "Notify the covered entity now and record notified_on under the incident's covered_entities; document any law-enforcement delay (164.412) in law_enforcement_delay.");

    public static readonly Rule AgreementNoticeOverdue = new(
        "CMP1707", "A business associate notifies a covered entity within the shorter window its BAA sets", Severity.Error, Breach,
        "Notify the covered entity now and record notified_on; the BAA's notice_days (programme.covered_entities) is the contractual deadline.");

    public static readonly Rule MediaDutyUndecided = new(
        "CMP1708", "A breach of more than 500 individuals records their States, so the media duty can be decided (164.406)", Severity.Error, Breach,
        "Add states (each State or jurisdiction with its residents affected) to the incident; the media must be notified for more than 500 residents of one State.");

    public static readonly Rule OralDelayCapped = new(
        "CMP1709", "An oral law-enforcement delay lasts at most 30 days unless a written statement follows (164.412(b))", Severity.Warning, Breach,
        "Record the written statement's date in written_statement_on (and keep it as evidence), or plan the notices for the 30-day cap shown.");
}
