using System.Text.Json.Nodes;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities;

/// <summary>An activity that waits on bookmarks and continues when one is resumed.</summary>
public interface IResumableActivity : IActivity
{
    /// <summary>Null when <paramref name="payload"/> may resume <paramref name="bookmark"/>; otherwise why not. Runs before anything changes.</summary>
    string? CheckResume(Bookmark bookmark, JsonNode? payload) => null;

    ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload);
}
