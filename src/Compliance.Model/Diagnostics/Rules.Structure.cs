namespace Compliance.Model.Diagnostics;

// CMP0xxx: the structure of the programme files, reported by the source generator.
public static partial class Rules
{
    public static readonly Rule MalformedYaml = new(
        "CMP0001", "YAML must be well-formed", Severity.Error, Syntax,
        "Correct the YAML at the position shown. YAML indents with spaces, never tabs.");

    public static readonly Rule FileTooLarge = new(
        "CMP0002", "Programme files must stay under the size limit", Severity.Error, Syntax,
        "Split the file into several smaller files; each may hold part of a list.");

    public static readonly Rule YamlTooComplex = new(
        "CMP0003", "YAML must stay within the alias, depth and node limits", Severity.Error, Syntax,
        "Remove the nested anchors and aliases (&name / *name) and write the values out.");

    public static readonly Rule NotText = new(
        "CMP0004", "Programme files must be UTF-8 text", Severity.Error, Syntax,
        "Save the file as UTF-8 text, or move binary files out of controls/ and policies/.");

    public static readonly Rule EmptyFile = new(
        "CMP0005", "Programme files should not be empty", Severity.Warning, Syntax,
        "Add content to the file or delete it.");

    public static readonly Rule UnknownDocumentKind = new(
        "CMP0006", "A programme file must be of a known kind", Severity.Error, Schema,
        "Start the file with one of the root keys programme, framework, framework_part, crosswalk, controls, decisions, vendors, people, waivers, incidents or evidence (see docs/schema.md).");

    public static readonly Rule MultipleDocuments = new(
        "CMP0007", "A programme file holds one YAML document", Severity.Error, Syntax,
        "Remove the '---' document separator and split the content into separate files.");

    public static readonly Rule PolicyWithoutFrontMatter = new(
        "CMP0008", "Markdown under policies/ should carry policy front matter", Severity.Warning, Schema,
        "Add a front matter block (--- id, title, owner, version, approved_by, approved_on, review_interval_days, governs ---) or move the page to site/.");

    public static readonly Rule ChecksHeldBack = new(
        "CMP0009", "Reference and coverage checks wait until every programme file can be read", Severity.Warning, Syntax,
        "Fix the file that cannot be read first; the held-back checks run again on the next build.");

    public static readonly Rule WrongType = new(
        "CMP0010", "Values must have the type the schema expects", Severity.Error, Schema,
        "Write the value in the form that docs/schema.md gives for this key.");

    public static readonly Rule UnknownKey = new(
        "CMP0011", "Keys must be known to the schema", Severity.Error, Schema,
        "Remove the key or correct its spelling (see docs/schema.md).");

    public static readonly Rule MissingField = new(
        "CMP0012", "Required fields must be present", Severity.Error, Schema,
        "Add the field with a value.");

    public static readonly Rule DuplicateKey = new(
        "CMP0013", "A key appears once per mapping", Severity.Error, Schema,
        "Remove one of the two entries; YAML would silently keep only one of them.");

    public static readonly Rule KeyCase = new(
        "CMP0014", "Keys are lower-case snake_case", Severity.Error, Schema,
        "Write the key exactly as docs/schema.md spells it.");

    public static readonly Rule InvalidValue = new(
        "CMP0015", "Values must be among those the schema allows", Severity.Error, Schema,
        "Use one of the allowed values.");

    public static readonly Rule InvalidId = new(
        "CMP0016", "IDs are non-empty and contain no whitespace", Severity.Error, Schema,
        "Use letters, digits and punctuation such as - . ( ) / : without spaces.");

    public static readonly Rule ExplicitYamlTag = new(
        "CMP0017", "YAML values take the core schema's implicit types: explicit tags are not allowed", Severity.Error, Syntax,
        "Remove the tag ('!!binary', '!!str', '!custom', ...) and write the value as plain YAML; quote it to make it text.");

    public static readonly Rule LinkedProgrammeFile = new(
        "CMP0018", "Programme files are regular files inside the repository, not symbolic links", Severity.Error, Syntax,
        "Replace the symbolic link with the file itself (copy it into the repository), or delete the link.");

    public static readonly Rule UnreadableDocument = new(
        "CMP0019", "A file that shows its kind must be readable as that kind", Severity.Error, Schema,
        "Correct the file at the position shown so that it reads as the kind it starts as; until then it is held as unreadable and the checks that would apply to it are held back.");

    public static readonly Rule DuplicateId = new(
        "CMP0020", "IDs must be unique", Severity.Error, Integrity,
        "Rename one of the two items, or delete the copy.");

    public static readonly Rule UnknownReference = new(
        "CMP0021", "References must name an existing item", Severity.Error, Integrity,
        "Correct the ID, or add the missing item.");

    public static readonly Rule InvalidHierarchy = new(
        "CMP0022", "A requirement's parent is in the same framework and the hierarchy has no cycle", Severity.Error, Integrity,
        "Point parent at a requirement of the same framework that is not below this one.");

    public static readonly Rule CrosswalkSideMismatch = new(
        "CMP0023", "Crosswalk pairs take their source and target from the crosswalk's frameworks", Severity.Error, Integrity,
        "Use a requirement of the framework named in the crosswalk's source (or target).");

    public static readonly Rule ProgrammeDefinition = new(
        "CMP0024", "A repository defines exactly one programme", Severity.Error, Integrity,
        "Keep one file with a programme root key (usually controls/programme.yaml).");

    public static readonly Rule IncidentInconsistent = new(
        "CMP0025", "An incident's counts and dates are consistent", Severity.Error, Integrity,
        "State counts cannot exceed individuals_affected, and no notice can precede discovered_on.");

    public static readonly Rule UnknownFrameworkOfPart = new(
        "CMP0027", "A framework part belongs to a defined framework", Severity.Error, Integrity,
        "Set framework_part.framework to the ID of a framework defined in a file with a framework root key, or define that framework.");

    public static readonly Rule RequirementInTwoFilesOfFramework = new(
        "CMP0028", "A requirement is defined in only one file of its framework", Severity.Error, Integrity,
        "Keep the requirement in one of the framework's files (its catalog or one part) and delete the other copy.");

    public static readonly Rule UncoveredRequirement = new(
        "CMP0030", "Every in-scope requirement is implemented by a control", Severity.Error, Coverage,
        "Add the requirement's ID to the maps_to list of the control that implements it.");

    public static readonly Rule UnmappedControl = new(
        "CMP0031", "A control should map to at least one requirement", Severity.Warning, Coverage,
        "Add the IDs of the requirements the control implements to its maps_to list.");

    public static readonly Rule DecisionNotAllowed = new(
        "CMP0032", "Alternative and not-reasonable decisions apply only to Addressable specifications", Severity.Error, Coverage,
        "Map a control to the Required specification, or use decision: not-applicable if it cannot apply to the organisation.");

    public static readonly Rule DecidedButMapped = new(
        "CMP0033", "A requirement is either implemented by controls or decided, not both", Severity.Warning, Coverage,
        "Remove the decision if the controls implement the requirement, or remove the requirement from the controls' maps_to.");

    public static readonly Rule ScopeMatchesNothing = new(
        "CMP0034", "Programme scope filters must select requirements", Severity.Error, Coverage,
        "Use a category that the framework's requirements carry.");

    public static readonly Rule PlannedOnly = new(
        "CMP0035", "A Required specification needs a control that is at least partially implemented", Severity.Warning, Coverage,
        "Implement the control, or map the requirement to a control that is implemented.");

    public static readonly Rule PolicyGovernsNothing = new(
        "CMP0040", "A policy should govern at least one control", Severity.Warning, Coverage,
        "List the controls the policy governs under governs.");

    public static readonly Rule IdentifierCollision = new(
        "CMP0050", "IDs should map to distinct C# member names", Severity.Warning, Schema,
        "Rename one of the IDs so that they differ in letters or digits, not only in punctuation.");

    public static readonly Rule InternalError = new(
        "CMP0099", "The compliance generator must not fail", Severity.Error, Internal,
        "This is a bug in the toolkit: report it with the file named here. The build fails rather than pass unchecked.");
}
