using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Compliance.Engine.Tests.Collection;

/// <summary>
/// SCIM 2.0 exports written from the RFC 7643 section 8 examples (Babs Jensen, Mandy Pepperidge and
/// the "Tour Guides" group) inside an RFC 7644 section 3.4.2 ListResponse.
/// </summary>
public sealed class ScimFixture
{
    public const string Babs = "2819c223-7f76-453a-919d-413861904646";
    public const string Mandy = "902c246b-6245-4190-8e05-00816be7344a";
    public const string TourGuides = "Tour Guides";

    private readonly List<object> _resources = new();

    public ScimFixture User(string id, string userName, bool active = true, string? email = null)
    {
        _resources.Add(new Dictionary<string, object?>
        {
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            ["id"] = id,
            ["externalId"] = userName,
            ["userName"] = userName,
            ["name"] = new { formatted = userName },
            ["emails"] = email is null ? new object[0] : new object[] { new { value = email, type = "work", primary = true } },
            ["active"] = active,
            ["meta"] = new { resourceType = "User", location = $"https://example.com/v2/Users/{id}" },
        });
        return this;
    }

    public ScimFixture Group(string displayName, params string[] memberIds)
    {
        _resources.Add(new Dictionary<string, object?>
        {
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            ["id"] = "group-" + displayName.Replace(' ', '-').ToLowerInvariant(),
            ["displayName"] = displayName,
            ["members"] = memberIds.Select(m => new Dictionary<string, string> { ["value"] = m, ["$ref"] = $"https://example.com/v2/Users/{m}" }).ToArray(),
            ["meta"] = new { resourceType = "Group" },
        });
        return this;
    }

    public string Json() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["schemas"] = new[] { "urn:ietf:params:scim:api:messages:2.0:ListResponse" },
        ["totalResults"] = _resources.Count,
        ["itemsPerPage"] = _resources.Count,
        ["startIndex"] = 1,
        ["Resources"] = _resources,
    });
}
