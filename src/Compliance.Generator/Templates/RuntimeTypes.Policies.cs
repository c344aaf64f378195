    /// <summary>A policy document with its approval and review cycle.</summary>
    public sealed class Policy
    {
        private readonly string? _ownerId;
        private readonly string? _approvedById;
        private readonly string[] _governedIds;

        internal Policy(string id, string title, string? ownerId, string version, string? approvedById, DateOnly approvedOn,
            int reviewIntervalDays, string[] governedIds, SourceRef source)
        {
            Id = id;
            Title = title;
            _ownerId = ownerId;
            Version = version;
            _approvedById = approvedById;
            ApprovedOn = approvedOn;
            ReviewIntervalDays = reviewIntervalDays;
            _governedIds = governedIds;
            Source = source;
        }

        public string Id { get; }
        public string Title { get; }
        public string Version { get; }
        public DateOnly ApprovedOn { get; }
        public int ReviewIntervalDays { get; }
        public DateOnly NextReviewOn => ApprovedOn.AddDays(ReviewIntervalDays);
        public SourceRef Source { get; }
        public Person? Owner => _ownerId is null ? null : ProgrammeIndex.PersonById[_ownerId];
        public Person? ApprovedBy => _approvedById is null ? null : ProgrammeIndex.PersonById[_approvedById];
        public IReadOnlyList<string> GovernedControlIds => _governedIds;
        public IReadOnlyList<Control> Governs => Array.ConvertAll(_governedIds, id => ProgrammeIndex.ControlById[id]);
        public override string ToString() => Id;
    }

    /// <summary>A documented decision on a HIPAA specification (45 CFR 164.306(d)(3)).</summary>
    public sealed class RequirementDecision
    {
        private readonly string? _approvedById;

        internal RequirementDecision(string requirementId, DecisionKind kind, string rationale, string? alternative, string? approvedById, DateOnly approvedOn)
        {
            RequirementId = requirementId;
            Kind = kind;
            Rationale = rationale;
            Alternative = alternative;
            _approvedById = approvedById;
            ApprovedOn = approvedOn;
        }

        public string RequirementId { get; }
        public Requirement Requirement => ProgrammeIndex.RequirementById[RequirementId];
        public DecisionKind Kind { get; }
        public string Rationale { get; }
        public string? Alternative { get; }
        public DateOnly ApprovedOn { get; }
        public Person? ApprovedBy => _approvedById is null ? null : ProgrammeIndex.PersonById[_approvedById];
    }

    /// <summary>An approved, time-boxed exception to one rule on one target.</summary>
    public sealed class Waiver
    {
        private readonly string? _approvedById;

        internal Waiver(string id, string rule, string target, string? reason, string? approvedById, DateOnly approvedOn, DateOnly expiresOn)
        {
            Id = id;
            Rule = rule;
            Target = target;
            Reason = reason;
            _approvedById = approvedById;
            ApprovedOn = approvedOn;
            ExpiresOn = expiresOn;
        }

        public string Id { get; }
        public string Rule { get; }
        public string Target { get; }
        public string? Reason { get; }
        public DateOnly ApprovedOn { get; }
        /// <summary>The last day on which the waiver applies.</summary>
        public DateOnly ExpiresOn { get; }
        public Person? ApprovedBy => _approvedById is null ? null : ProgrammeIndex.PersonById[_approvedById];
        public bool IsInForceOn(DateOnly day) => day <= ExpiresOn;
        public override string ToString() => Id;
    }
