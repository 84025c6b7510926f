using Nooks.Tools;
using Spectre.Console;

namespace Nooks.Cli;

// Shows the benchmark's steps: Spectre.Console progress bars on a terminal, plain lines otherwise.
public static class BenchProgress
{
    public static NooksBenchResults Run(RepoLayout layout, NooksBenchOptions options)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var plain = new PlainProgress();
            var benchmark = new NooksBenchmark(layout, options, plain);
            plain.Total = benchmark.Steps().Count();
            return benchmark.Run();
        }
        NooksBenchResults? results = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var bars = new SpectreProgress(context);
                var benchmark = new NooksBenchmark(layout, options, bars);
                foreach (string step in benchmark.Steps()) bars.Add(step);
                results = benchmark.Run();
            });
        return results!;
    }

    private sealed class PlainProgress : INooksBenchProgress
    {
        private int step;
        private string name = "";
        public int Total { get; set; }

        public void Begin(string step)
        {
            name = step;
            Console.WriteLine($"[{++this.step}/{Total}] {step} ...");
        }

        public void Advance(double fraction, string? status = null) { }

        public void End(string summary) => Console.WriteLine($"[{step}/{Total}] {name}: {summary}");
    }

    private sealed class SpectreProgress(ProgressContext context) : INooksBenchProgress
    {
        private readonly Queue<(string Name, ProgressTask Task)> pending = new();
        private (string Name, ProgressTask Task) current;

        public void Add(string step) => pending.Enqueue((step, context.AddTask(Markup.Escape(step), autoStart: false, maxValue: 100)));

        public void Begin(string step)
        {
            current = pending.Count > 0 ? pending.Dequeue() : (step, context.AddTask(Markup.Escape(step), maxValue: 100));
            current.Task.StartTask();
        }

        public void Advance(double fraction, string? status = null)
        {
            current.Task.Value = Math.Clamp(fraction, 0, 1) * 100;
            if (status is not null) current.Task.Description = Markup.Escape($"{current.Name}: {status}");
        }

        public void End(string summary)
        {
            current.Task.Value = 100;
            current.Task.Description = Markup.Escape($"{current.Name}: {summary}");
            current.Task.StopTask();
        }
    }
}
