namespace PassengerGate.Cli.Face;

/// <summary>Reads `file_x,file_y,same` (same = yes/no, any case), with that header line first.</summary>
public static class FacePairsCsv
{
    public sealed record Result(IReadOnlyList<FacePair> Pairs, string? Error);

    public static Result Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || !string.Equals(lines[0].Trim().TrimStart('\uFEFF'), "file_x,file_y,same", StringComparison.OrdinalIgnoreCase))
        {
            return new Result([], "line 1: expected the header file_x,file_y,same");
        }

        var pairs = new List<FacePair>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 3 || cells[0].Trim().Length == 0 || cells[1].Trim().Length == 0)
            {
                return new Result([], $"line {i + 1}: expected three cells file_x,file_y,same");
            }

            var same = cells[2].Trim();
            bool isSame;
            if (string.Equals(same, "yes", StringComparison.OrdinalIgnoreCase))
            {
                isSame = true;
            }
            else if (string.Equals(same, "no", StringComparison.OrdinalIgnoreCase))
            {
                isSame = false;
            }
            else
            {
                return new Result([], $"line {i + 1}: same must be yes or no, not '{same}'");
            }

            pairs.Add(new FacePair(cells[0].Trim(), cells[1].Trim(), isSame));
        }

        return pairs.Count == 0 ? new Result([], "no pairs after the header") : new Result(pairs, null);
    }
}
