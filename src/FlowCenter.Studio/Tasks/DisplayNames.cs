using FlowCenter.Runtime.Organization;

namespace FlowCenter.Studio.Tasks;

/// <summary>User names to the names people see, for the inbox, task and request pages.</summary>
internal static class DisplayNames
{
    public static Dictionary<string, string> ByUserName(IEnumerable<Person> people) =>
        people.ToDictionary(p => p.UserName, p => p.DisplayName, StringComparer.OrdinalIgnoreCase);

    public static async Task<Dictionary<string, string>> LoadAsync(IDirectory directory) => ByUserName(await directory.ListUsersAsync());
}
