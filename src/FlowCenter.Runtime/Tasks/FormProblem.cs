using System.Globalization;

namespace FlowCenter.Runtime.Tasks;

/// <summary>What can be wrong with a form's values.</summary>
public enum FormProblemCode
{
    NotAField,
    ReadOnly,
    Hidden,
    Required,
    NotADate,
    NotAnOption,
    NotFiles,
    NotText,
    TooLong,
    Pattern,
    NotANumber,
    TooSmall,
    TooLarge,
    NotATable,
    TooManyRows,
    NotAColumn,
    NotYesOrNo,
}

/// <summary>
/// One problem of a form's values: its code, the field (its label), and what the message needs (a limit, the
/// options); for a table's cell also the row and the column. <see cref="Message"/> says it in English for the
/// API and the logs; the Studio says it in the user's language from the same parts.
/// </summary>
public sealed record FormProblem(FormProblemCode Code, string Field, params string[] Arguments)
{
    public string? Row { get; init; }

    public string? Column { get; init; }

    public string Message => string.Format(CultureInfo.InvariantCulture, Template(Code), [Where, .. Arguments]);

    /// <summary>The field, or the table, row and column of a cell, as the messages quote it.</summary>
    private string Where => Row is null ? Field : $"{Field}' row {Row}: '{Column}";

    private static string Template(FormProblemCode code) => code switch
    {
        FormProblemCode.NotAField => "'{0}' is not a field of this form and cannot be set here",
        FormProblemCode.ReadOnly => "'{0}' is readonly here and cannot be changed",
        FormProblemCode.Hidden => "'{0}' is hidden here and cannot be changed",
        FormProblemCode.Required => "'{0}' is required",
        FormProblemCode.NotADate => "'{0}' must be a date",
        FormProblemCode.NotAnOption => "'{0}' must be one of {1}",
        FormProblemCode.NotFiles => "'{0}' must be a list of attached files",
        FormProblemCode.NotText => "'{0}' must be text, not {1}",
        FormProblemCode.TooLong => "'{0}' is {1} characters long; at most {2} are taken",
        FormProblemCode.Pattern => "'{0}' does not have the expected form",
        FormProblemCode.NotANumber => "'{0}' must be a number",
        FormProblemCode.TooSmall => "'{0}' must be at least {1}",
        FormProblemCode.TooLarge => "'{0}' must be at most {1}",
        FormProblemCode.NotATable => "'{0}' must be a table of rows",
        FormProblemCode.TooManyRows => "'{0}' has {1} rows; at most {2} are taken",
        FormProblemCode.NotYesOrNo => "'{0}' must be yes or no (true or false)",
        _ => "'{0}' row {1}: '{2}' is not a column of this table",
    };
}
