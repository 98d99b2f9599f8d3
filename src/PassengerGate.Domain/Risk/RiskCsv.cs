namespace PassengerGate.Domain.Risk;

/// <summary>
/// The small CSV dialect of the risk imports (RFC 4180 fields: a field may be double-quoted, a quote inside
/// it doubled; no line breaks inside fields). The header must be exactly the expected one, so a file in the
/// wrong column order is refused instead of read into the wrong fields.
/// </summary>
internal static class RiskCsv
{
    public sealed record Row(int Line, IReadOnlyList<string> Cells);

    public static IReadOnlyList<Row> Read(string csv, string header, List<CsvError> errors)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!string.Equals(lines[0].Trim().TrimStart('\uFEFF'), header, StringComparison.Ordinal))
        {
            errors.Add(new CsvError(1, $"the header must be '{header}'"));
            return [];
        }

        var columns = header.Split(',').Length;
        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = Split(line);
            if (cells is null)
            {
                errors.Add(new CsvError(lineNumber, "unbalanced double quote"));
            }
            else if (cells.Count != columns)
            {
                errors.Add(new CsvError(lineNumber, $"expected {columns} columns ({header}), found {cells.Count}"));
            }
            else
            {
                rows.Add(new Row(lineNumber, cells));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvError(0, "the file has no data lines"));
        }

        return rows;
    }

    /// <summary>The fields of one line, trimmed; null when a quote is not closed.</summary>
    private static List<string>? Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0 && !wasQuoted)
            {
                cell.Clear();
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                wasQuoted = false;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
