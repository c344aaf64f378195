    /// <summary>A vendor of the BAA registry.</summary>
    public sealed class Vendor
    {
        private readonly string[] _subcontractorIds;

        internal Vendor(string id, string name, bool handlesPhi, Service[] services, Baa? baa, string[] subcontractorIds, string? notes, SourceRef source)
        {
            Id = id;
            Name = name;
            HandlesPhi = handlesPhi;
            Services = services;
            Baa = baa;
            _subcontractorIds = subcontractorIds;
            Notes = notes;
            Source = source;
            foreach (var service in services)
            {
                service.Vendor = this;
            }

            if (baa is not null)
            {
                baa.Vendor = this;
            }
        }

        public string Id { get; }
        public string Name { get; }
        public bool HandlesPhi { get; }
        public IReadOnlyList<Service> Services { get; }
        public Baa? Baa { get; }
        public string? Notes { get; }
        public SourceRef Source { get; }
        /// <summary>The vendor's subcontractors: the next links of the BAA chain.</summary>
        public IReadOnlyList<Vendor> Subcontractors => Array.ConvertAll(_subcontractorIds, id => ProgrammeIndex.VendorById[id]);
        public override string ToString() => Id;
    }

    /// <summary>A service a vendor provides, by its stable identifier (e.g. kms.googleapis.com).</summary>
    public sealed class Service
    {
        internal Service(string id, string name)
        {
            Id = id;
            Name = name;
        }

        public Vendor Vendor { get; internal set; } = null!;
        public string Id { get; }
        public string Name { get; }
        public override string ToString() => Id;
    }

    /// <summary>A Business Associate Agreement (45 CFR 164.308(b), 164.314(a)).</summary>
    public sealed class Baa
    {
        internal Baa(DateOnly signedOn, DateOnly effectiveOn, DateOnly expiresOn, string evidencePath)
        {
            SignedOn = signedOn;
            EffectiveOn = effectiveOn;
            ExpiresOn = expiresOn;
            EvidencePath = evidencePath;
        }

        public Vendor Vendor { get; internal set; } = null!;
        public DateOnly SignedOn { get; }
        public DateOnly EffectiveOn { get; }
        /// <summary>The last day on which the agreement is in force.</summary>
        public DateOnly ExpiresOn { get; }
        /// <summary>The signed agreement, relative to the programme root.</summary>
        public string EvidencePath { get; }
        public bool IsInForceOn(DateOnly day) => global::Compliance.Generated.Template.Deploy.BaaInForce.On(true, EffectiveOn, ExpiresOn, day) == global::Compliance.Generated.Template.Deploy.BaaStanding.InForce;
        public int DaysLeftOn(DateOnly day) => ExpiresOn.DayNumber - day.DayNumber;
    }

    /// <summary>A member of the workforce.</summary>
    public sealed class Person
    {
        internal Person(string id, string name, string email, string role, bool phiAccess, PersonStatus status, DateOnly? revokedOn, SourceRef source)
        {
            Id = id;
            Name = name;
            Email = email;
            Role = role;
            PhiAccess = phiAccess;
            Status = status;
            RevokedOn = revokedOn;
            Source = source;
        }

        public string Id { get; }
        public string Name { get; }
        public string Email { get; }
        public string Role { get; }
        /// <summary>The PHI-access entitlement as recorded; see <see cref="CanAccessPhiOn"/> for the effective one.</summary>
        public bool PhiAccess { get; }
        public PersonStatus Status { get; }
        /// <summary>The first day on which the person is revoked (45 CFR 164.308(a)(1)(ii)(C) sanctions, 164.308(a)(3)(ii)(C) termination).</summary>
        public DateOnly? RevokedOn { get; }
        public SourceRef Source { get; }
        public bool IsActiveOn(DateOnly day) => Status == PersonStatus.Active || (RevokedOn is { } revoked && day < revoked);
        public bool CanAccessPhiOn(DateOnly day) => PhiAccess && IsActiveOn(day);
        public IReadOnlyList<Control> OwnedControls => ProgrammeIndex.ControlsByOwner[Id].ToArray();
        public IReadOnlyList<Policy> OwnedPolicies => ProgrammeIndex.PoliciesByOwner[Id].ToArray();
        public override string ToString() => Id;
    }
