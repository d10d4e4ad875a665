using System.Reflection;

namespace FlowCenter.Engine.Activities;

/// <summary>The activity types a definition may use, read from their <see cref="ActivityAttribute"/> and input fields.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        foreach (var activity in activities)
        {
            var descriptor = Describe(activity);
            if (!_byType.TryAdd(descriptor.TypeName, descriptor))
            {
                throw new ArgumentException($"Two activities use the type name '{descriptor.TypeName}'.", nameof(activities));
            }
        }
    }

    public IReadOnlyCollection<ActivityDescriptor> All => _byType.Values;

    /// <summary>A registry of every built-in activity.</summary>
    public static ActivityRegistry CreateDefault() => new(BuiltInActivities.Create());

    public ActivityDescriptor? Find(string typeName) => _byType.GetValueOrDefault(typeName);

    public static ActivityDescriptor Describe(IActivity activity)
    {
        var type = activity.GetType();
        var meta = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [Activity] attribute.", nameof(activity));
        var inputs = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(InputDescriptor).IsAssignableFrom(f.FieldType))
            .OrderBy(f => f.MetadataToken)
            .Select(f => (InputDescriptor)f.GetValue(null)!)
            .ToList();
        return new ActivityDescriptor
        {
            TypeName = meta.TypeName,
            Category = meta.Category,
            DisplayName = meta.DisplayName ?? meta.TypeName,
            Description = meta.Description,
            Inputs = inputs,
            Ports = meta.Ports,
            AnyPort = meta.AnyPort,
            CanWait = meta.CanWait,
            IsTrigger = meta.IsTrigger,
            Activity = activity,
        };
    }
}
