using PassengerGate.Domain.Arrival;

namespace PassengerGate.Domain.Tests.Arrival;

public class FreeSubsetChooserTests
{
    [Fact]
    public void The_chosen_subset_frees_the_most_tax_not_the_largest_article_first()
    {
        // Capacity 10 and values 6, 5, 5 with tax equal to value: {5, 5} frees 10, {6} only 6 (worked by hand).
        var chosen = FreeSubsetChooser.Choose([6, 5, 5], [6m, 5m, 5m], [false, false, false], 10);
        Assert.Equal([false, true, true], chosen!);
    }

    [Fact]
    public void On_equal_tax_the_article_an_officer_would_assess_is_freed()
    {
        var chosen = FreeSubsetChooser.Choose([5, 5], [5m, 5m], [false, true], 5);
        Assert.Equal([false, true], chosen!);
    }

    [Fact]
    public void Too_large_a_problem_is_refused_not_approximated()
    {
        var values = Enumerable.Range(0, 400).Select(i => 150_001L + i).ToList();
        Assert.Null(FreeSubsetChooser.Choose(values, [.. values.Select(v => (decimal)v)], [.. values.Select(_ => false)], 200_001));
    }
}
