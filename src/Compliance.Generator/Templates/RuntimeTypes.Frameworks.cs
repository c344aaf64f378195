    /// <summary>A framework catalog, e.g. the HIPAA Security Rule or the SOC 2 Trust Services Criteria.</summary>
    public sealed class Framework
    {
        internal Framework(string id, string title, string? citation, bool inScope, SourceRef source)
        {
            Id = id;
            Title = title;
            Citation = citation;
            InScope = inScope;
            Source = source;
        }

        public string Id { get; }
        public string Title { get; }
        public string? Citation { get; }
        /// <summary>Whether the programme's scope names this framework.</summary>
        public bool InScope { get; }
        public SourceRef Source { get; }
        public IReadOnlyList<Requirement> Requirements => ProgrammeIndex.RequirementsByFramework[Id].ToArray();
        public override string ToString() => Id;
    }

    /// <summary>A requirement of a framework: a HIPAA standard or implementation specification, a SOC 2 criterion, ...</summary>
    public sealed class Requirement
    {
        private readonly string? _parentId;

        internal Requirement(string id, string frameworkId, string title, RequirementKind kind, string? parentId, bool? required,
            string? category, string? summary, bool informative, bool inScope, SourceRef source)
        {
            Id = id;
            FrameworkId = frameworkId;
            Title = title;
            Kind = kind;
            _parentId = parentId;
            Required = required;
            Category = category;
            Summary = summary;
            Informative = informative;
            InScope = inScope;
            Source = source;
        }

        public string Id { get; }
        public string FrameworkId { get; }
        public string Title { get; }
        public RequirementKind Kind { get; }
        /// <summary>True for Required, false for Addressable HIPAA specifications; null where the distinction does not apply.</summary>
        public bool? Required { get; }
        public bool IsAddressable => Required == false;
        public string? Category { get; }
        public string? Summary { get; }
        /// <summary>Definitions and applicability sections: no control is expected.</summary>
        public bool Informative { get; }
        public bool InScope { get; }
        public SourceRef Source { get; }
        public Framework Framework => ProgrammeIndex.FrameworkById[FrameworkId];
        public Requirement? Parent => _parentId is null ? null : ProgrammeIndex.RequirementById[_parentId];
        public IReadOnlyList<Requirement> Children => ProgrammeIndex.ChildrenByParent[Id].ToArray();
        /// <summary>The controls that map to this requirement.</summary>
        public IReadOnlyList<Control> Controls => ProgrammeIndex.ControlsByRequirement[Id].ToArray();
        /// <summary>Crosswalk pairs in which this requirement is the source or the target.</summary>
        public IReadOnlyList<CrosswalkLink> CrosswalkLinks => ProgrammeIndex.LinksByRequirement[Id].ToArray();
        public IEnumerable<Requirement> CrosswalkPartners => CrosswalkLinks.Select(link => link.PartnerOf(this));
        /// <summary>The documented decision, for a specification that is met by an alternative or does not apply.</summary>
        public RequirementDecision? Decision => ProgrammeIndex.DecisionByRequirement.TryGetValue(Id, out var decision) ? decision : null;
        public override string ToString() => Id;
    }

    /// <summary>A named set of requirement-to-requirement pairs between two frameworks.</summary>
    public sealed class Crosswalk
    {
        internal Crosswalk(string id, string title, string sourceFrameworkId, string targetFrameworkId, CrosswalkLink[] links, SourceRef source)
        {
            Id = id;
            Title = title;
            SourceFrameworkId = sourceFrameworkId;
            TargetFrameworkId = targetFrameworkId;
            Links = links;
            Source = source;
            foreach (var link in links)
            {
                link.Crosswalk = this;
            }
        }

        public string Id { get; }
        public string Title { get; }
        public string SourceFrameworkId { get; }
        public string TargetFrameworkId { get; }
        public IReadOnlyList<CrosswalkLink> Links { get; }
        public SourceRef Source { get; }
        public override string ToString() => Id;
    }

    /// <summary>One crosswalk pair: how <see cref="SourceRequirement"/> relates to <see cref="TargetRequirement"/>, and why.</summary>
    public sealed class CrosswalkLink
    {
        internal CrosswalkLink(string sourceId, string targetId, CrosswalkRelationship relationship, string? area, string rationale)
        {
            SourceId = sourceId;
            TargetId = targetId;
            Relationship = relationship;
            Area = area;
            Rationale = rationale;
        }

        public Crosswalk Crosswalk { get; internal set; } = null!;
        public string SourceId { get; }
        public string TargetId { get; }
        public Requirement SourceRequirement => ProgrammeIndex.RequirementById[SourceId];
        public Requirement TargetRequirement => ProgrammeIndex.RequirementById[TargetId];
        public CrosswalkRelationship Relationship { get; }
        public string? Area { get; }
        public string Rationale { get; }
        public Requirement PartnerOf(Requirement requirement) => requirement.Id == SourceId ? TargetRequirement : SourceRequirement;
        public override string ToString() => $"{SourceId} {Relationship} {TargetId}";
    }
