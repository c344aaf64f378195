    /// <summary>Lookups that link the items by ID. Built once, on first use, from the generated collections.</summary>
    internal static class ProgrammeIndex
    {
        internal static readonly Dictionary<string, Framework> FrameworkById = global::Compliance.Generated.Template.Frameworks.All.ToDictionary(f => f.Id, StringComparer.Ordinal);
        internal static readonly Dictionary<string, Requirement> RequirementById = global::Compliance.Generated.Template.Requirements.All.ToDictionary(r => r.Id, StringComparer.Ordinal);
        internal static readonly ILookup<string, Requirement> RequirementsByFramework = global::Compliance.Generated.Template.Requirements.All.ToLookup(r => r.FrameworkId, StringComparer.Ordinal);
        internal static readonly ILookup<string, Requirement> ChildrenByParent = global::Compliance.Generated.Template.Requirements.All.Where(r => r.Parent is not null).ToLookup(r => r.Parent!.Id, StringComparer.Ordinal);
        // Static initializers run in declaration order: PersonById comes before the lookups that navigate Owner.
        internal static readonly Dictionary<string, Person> PersonById = global::Compliance.Generated.Template.People.All.ToDictionary(p => p.Id, StringComparer.Ordinal);
        internal static readonly Dictionary<string, Person> PersonByEmail = global::Compliance.Generated.Template.People.All.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        internal static readonly Dictionary<string, Control> ControlById = global::Compliance.Generated.Template.Controls.All.ToDictionary(c => c.Id, StringComparer.Ordinal);
        internal static readonly ILookup<string, Control> ControlsByRequirement = global::Compliance.Generated.Template.Controls.All.SelectMany(c => c.RequirementIds, (c, r) => (c, r)).ToLookup(p => p.r, p => p.c, StringComparer.Ordinal);
        internal static readonly ILookup<string, Control> ControlsByOwner = global::Compliance.Generated.Template.Controls.All.Where(c => c.Owner is not null).ToLookup(c => c.Owner!.Id, StringComparer.Ordinal);
        internal static readonly ILookup<string, CrosswalkLink> LinksByRequirement = global::Compliance.Generated.Template.Crosswalks.All.SelectMany(c => c.Links).SelectMany(l => new[] { (l.SourceId, l), (l.TargetId, l) }).ToLookup(p => p.Item1, p => p.l, StringComparer.Ordinal);
        internal static readonly Dictionary<string, RequirementDecision> DecisionByRequirement = global::Compliance.Generated.Template.Decisions.All.ToDictionary(d => d.RequirementId, StringComparer.Ordinal);
        internal static readonly Dictionary<string, Vendor> VendorById = global::Compliance.Generated.Template.Vendors.All.ToDictionary(v => v.Id, StringComparer.Ordinal);
        internal static readonly Dictionary<string, Service> ServiceById = global::Compliance.Generated.Template.Vendors.All.SelectMany(v => v.Services).ToDictionary(s => s.Id, StringComparer.Ordinal);
        internal static readonly Dictionary<string, Policy> PolicyById = global::Compliance.Generated.Template.Policies.All.ToDictionary(p => p.Id, StringComparer.Ordinal);
        internal static readonly ILookup<string, Policy> PoliciesByControl = global::Compliance.Generated.Template.Policies.All.SelectMany(p => p.GovernedControlIds, (p, c) => (p, c)).ToLookup(x => x.c, x => x.p, StringComparer.Ordinal);
        internal static readonly ILookup<string, Policy> PoliciesByOwner = global::Compliance.Generated.Template.Policies.All.Where(p => p.Owner is not null).ToLookup(p => p.Owner!.Id, StringComparer.Ordinal);
    }

    /// <summary>The programme: its collections, and lookups by ID.</summary>
    public static partial class Programme
    {
        public static IReadOnlyList<Framework> Frameworks => global::Compliance.Generated.Template.Frameworks.All;
        public static IReadOnlyList<Requirement> Requirements => global::Compliance.Generated.Template.Requirements.All;
        public static IEnumerable<Requirement> InScopeRequirements => Requirements.Where(r => r.InScope);
        public static IReadOnlyList<Crosswalk> Crosswalks => global::Compliance.Generated.Template.Crosswalks.All;
        public static IReadOnlyList<Control> Controls => global::Compliance.Generated.Template.Controls.All;
        public static IReadOnlyList<RequirementDecision> Decisions => global::Compliance.Generated.Template.Decisions.All;
        public static IReadOnlyList<Vendor> Vendors => global::Compliance.Generated.Template.Vendors.All;
        public static IReadOnlyList<Person> People => global::Compliance.Generated.Template.People.All;
        public static IReadOnlyList<Policy> Policies => global::Compliance.Generated.Template.Policies.All;
        public static IReadOnlyList<Waiver> Waivers => global::Compliance.Generated.Template.Waivers.All;

        public static Framework? FindFramework(string id) => ProgrammeIndex.FrameworkById.TryGetValue(id, out var item) ? item : null;
        public static Requirement? FindRequirement(string id) => ProgrammeIndex.RequirementById.TryGetValue(id, out var item) ? item : null;
        public static Control? FindControl(string id) => ProgrammeIndex.ControlById.TryGetValue(id, out var item) ? item : null;
        public static Vendor? FindVendor(string id) => ProgrammeIndex.VendorById.TryGetValue(id, out var item) ? item : null;
        /// <summary>The service with a stable identifier such as kms.googleapis.com, and through it its vendor and BAA.</summary>
        public static Service? FindService(string id) => ProgrammeIndex.ServiceById.TryGetValue(id, out var item) ? item : null;
        public static Person? FindPerson(string id) => ProgrammeIndex.PersonById.TryGetValue(id, out var item) ? item : null;
        public static Person? FindPersonByEmail(string email) => ProgrammeIndex.PersonByEmail.TryGetValue(email, out var item) ? item : null;
        public static Policy? FindPolicy(string id) => ProgrammeIndex.PolicyById.TryGetValue(id, out var item) ? item : null;
    }
}
