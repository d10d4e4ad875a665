using System.Text;

namespace FlowCenter.Runtime.Organization;

/// <summary>Reads CSV (RFC 4180): fields separated by commas, quoted with double quotes, quotes doubled inside.</summary>
public static class CsvText
{
    /// <summary>The rows with their line numbers; blank lines are skipped; an unclosed quote is an error naming its line.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, rowLine, quoted, i) = (1, 1, false, 0);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields.Exists(f => f.Length > 0))
                {
                    yield return (rowLine, fields);
                }

                fields = [];
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {rowLine}: a quoted field is not closed");
        }

        fields.Add(field.ToString());
        if (fields.Exists(f => f.Length > 0))
        {
            yield return (rowLine, fields);
        }
    }
}
