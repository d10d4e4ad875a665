using System.Text.Json;
using CsvHelper;

namespace FlowCenter.Runtime.Organization;

/// <summary>
/// Reads an organisation from a file. JSON: <c>{ "departments": [...], "positions": [...], "users": [...] }</c>.
/// CSV (CsvHelper), one kind per file, told by its header: users (<c>userName,displayName,email,department,position,manager,roles</c>,
/// roles separated by ';'), departments (<c>id,name,parent,manager</c>) or positions (<c>id,name,department</c>).
/// A malformed file is refused with the line it failed on. An existing user keeps the fields the file does not give
/// (a missing column, or a property no user in the JSON has).
/// </summary>
public static class OrganizationFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OrganizationSnapshot Parse(string fileName, string text)
    {
        if (text.Length > MaxBytes)
        {
            throw new OrganizationException($"{fileName} is {text.Length / 1024} KiB; the limit is {MaxBytes / (1024 * 1024)} MiB.");
        }

        return fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ParseCsv(fileName, text) : ParseJson(fileName, text);
    }

    private static OrganizationSnapshot ParseJson(string fileName, string text)
    {
        try
        {
            var snapshot = JsonSerializer.Deserialize<OrganizationSnapshot>(text, Json) ?? new OrganizationSnapshot();
            using var document = JsonDocument.Parse(text);
            var given = new HashSet<string>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.Array)
            {
                foreach (var user in users.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.Object))
                {
                    given.UnionWith(user.EnumerateObject().Select(p => UserField.All.FirstOrDefault(f => string.Equals(f, p.Name, StringComparison.OrdinalIgnoreCase))).OfType<string>());
                }
            }

            // A field that no user in the file has is left alone for everyone.
            return new OrganizationSnapshot { Departments = snapshot.Departments, Positions = snapshot.Positions, Users = snapshot.Users, UserFields = given };
        }
        catch (JsonException ex)
        {
            throw new OrganizationException($"{fileName} is not valid organisation JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}): {ex.Message}");
        }
    }

    private static OrganizationSnapshot ParseCsv(string fileName, string text)
    {
        var rows = new List<(long Line, IReadOnlyList<string> Fields)>();
        try
        {
            using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions
            {
                HasHeader = false,
                SkipEmptyLines = true,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
            });
            while (csv.Read())
            {
                rows.Add((csv.LineNumber, [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new OrganizationException($"{fileName} line {ex.LineNumber}: {ex.Message}");
        }

        if (rows.Count == 0)
        {
            throw new OrganizationException($"{fileName} has no header line.");
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var snapshot = new OrganizationSnapshot
        {
            UserFields = header.Contains("username") ? header.Select(UserField.FromCsvColumn).OfType<string>().ToHashSet(StringComparer.Ordinal) : null,
        };
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count > header.Count)
            {
                throw new OrganizationException($"{fileName} line {line}: {fields.Count} fields, but the header names {header.Count}");
            }

            string? Field(string name) => header.IndexOf(name) is var i and >= 0 && i < fields.Count && fields[i].Trim() is { Length: > 0 } value ? value : null;
            if (header.Contains("username"))
            {
                snapshot.Users.Add(new Person(Field("username") ?? "", Field("displayname") ?? Field("username") ?? "")
                {
                    Email = Field("email"),
                    DepartmentId = Field("department"),
                    PositionId = Field("position"),
                    ManagerUserName = Field("manager"),
                    Roles = [.. (Field("roles") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Active = Field("active") is not { } active || !active.Equals("false", StringComparison.OrdinalIgnoreCase),
                });
            }
            else if (header.Contains("parent") || !header.Contains("department"))
            {
                snapshot.Departments.Add(new Department(Field("id") ?? "", Field("name") ?? "", Field("parent"), Field("manager")));
            }
            else
            {
                snapshot.Positions.Add(new Position(Field("id") ?? "", Field("name") ?? "", Field("department")));
            }
        }

        return snapshot;
    }
}
