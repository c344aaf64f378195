    /// <summary>A control the organisation operates.</summary>
    public sealed class Control
    {
        private readonly string? _ownerId;
        private readonly string[] _requirementIds;

        internal Control(string id, string title, string description, string? ownerId, ImplementationStatus status,
            string[] requirementIds, EvidenceRequirement[] evidence, SourceRef source)
        {
            Id = id;
            Title = title;
            Description = description;
            _ownerId = ownerId;
            Status = status;
            _requirementIds = requirementIds;
            Evidence = evidence;
            Source = source;
            foreach (var item in evidence)
            {
                item.Control = this;
            }
        }

        public string Id { get; }
        public string Title { get; }
        public string Description { get; }
        public ImplementationStatus Status { get; }
        public SourceRef Source { get; }
        public Person? Owner => _ownerId is null ? null : ProgrammeIndex.PersonById[_ownerId];
        public IReadOnlyList<string> RequirementIds => _requirementIds;
        /// <summary>The requirements this control implements (its maps_to).</summary>
        public IReadOnlyList<Requirement> Requirements => Array.ConvertAll(_requirementIds, id => ProgrammeIndex.RequirementById[id]);
        public IReadOnlyList<EvidenceRequirement> Evidence { get; }
        /// <summary>The policies that govern this control.</summary>
        public IReadOnlyList<Policy> Policies => ProgrammeIndex.PoliciesByControl[Id].ToArray();
        public override string ToString() => Id;
    }

    /// <summary>Evidence a control must produce, collected automatically or by hand, fresh for a number of days.</summary>
    public sealed class EvidenceRequirement
    {
        internal EvidenceRequirement(string id, string description, EvidenceCollection collection, int freshnessDays)
        {
            Id = id;
            Description = description;
            Collection = collection;
            FreshnessDays = freshnessDays;
        }

        public Control Control { get; internal set; } = null!;
        public string Id { get; }
        /// <summary>The key that evidence and waivers use: CONTROL/EVIDENCE.</summary>
        public string Key => $"{Control.Id}/{Id}";
        public string Description { get; }
        public EvidenceCollection Collection { get; }
        public int FreshnessDays { get; }
        /// <summary>Whether an artifact collected on <paramref name="collectedOn"/> is still fresh on <paramref name="asOf"/>.</summary>
        public bool IsFresh(DateOnly collectedOn, DateOnly asOf) => collectedOn <= asOf && asOf.DayNumber - collectedOn.DayNumber <= FreshnessDays;
        public override string ToString() => Key;
    }
