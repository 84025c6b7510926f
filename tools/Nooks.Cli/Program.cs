using System.CommandLine;
using Nooks.Cli;
using Nooks.Tools;

var iso = new Option<bool>("--iso") { Description = "Boot the GRUB ISO instead of qemu -kernel" };

var qemuArguments = new Argument<string[]>("qemu-arguments") { Description = "Extra QEMU arguments, after --", Arity = ArgumentArity.ZeroOrMore };
var run = new Command("run", "Boot the default machine on this terminal (or pipe); exit with the kernel's code") { iso, qemuArguments };
run.SetAction(parsed =>
{
    var layout = RepoLayout.Find();
    var machine = QemuMachine.Interactive(layout, parsed.GetValue(iso) ? BootMedium.Iso : BootMedium.Kernel, stdinIsTerminal: !Console.IsInputRedirected)
        with { ExtraArguments = parsed.GetValue(qemuArguments) ?? [] };
    QemuExit exit = QemuProcess.RunAttached(machine);
    if (!exit.KernelSucceeded) Console.Error.WriteLine($"nooks: {exit}");
    return exit.ShellExitCode;
});

var runs = new Option<int>("--runs") { Description = "Boots to measure", DefaultValueFactory = _ => 5 };
var timeoutSeconds = new Option<int>("--timeout") { Description = "Seconds allowed for each step of a boot", DefaultValueFactory = _ => 60 };
var bootBench = new Command("boot", "Time QEMU start to console ready and to poweroff; list image sizes") { runs, iso, timeoutSeconds };
bootBench.SetAction(parsed =>
{
    var layout = RepoLayout.Find();
    var medium = parsed.GetValue(iso) ? BootMedium.Iso : BootMedium.Kernel;
    layout.RequireBuilt(medium == BootMedium.Iso ? layout.Iso : layout.Kernel);
    var timeout = TimeSpan.FromSeconds(parsed.GetValue(timeoutSeconds));
    var samples = new List<BootSample>();
    for (int i = 0; i < parsed.GetValue(runs); i++)
    {
        BootSample sample = BootBenchmark.Measure(QemuMachine.Isolated(layout, medium), timeout);
        Console.WriteLine($"boot {i + 1}: ready {sample.ToReady.TotalMilliseconds:0.0} ms, exit {sample.ToExit.TotalMilliseconds:0.0} ms ({sample.Exit})");
        samples.Add(sample);
    }
    Console.WriteLine($"boot ({medium}, {samples.Count} runs), QEMU start to \"{KernelConsole.ReadyMarker}\":");
    Console.WriteLine($"  {Spread.Of(samples.Select(s => s.ToReady).ToList())}");
    Console.WriteLine($"boot ({medium}, {samples.Count} runs), QEMU start to exit after \"{KernelConsole.PowerOffCommand}\":");
    Console.WriteLine($"  {Spread.Of(samples.Select(s => s.ToExit).ToList())}");
    Console.WriteLine("image sizes:");
    foreach (string image in BootBenchmark.Images(layout))
        Console.WriteLine($"  {Path.GetRelativePath(layout.Root, image),-24} {new FileInfo(image).Length,10:N0} bytes");
    return samples.All(s => s.Exit.KernelSucceeded) ? 0 : 1;
});
var iterations = new Option<int>("--iterations") { Description = "Iterations for the kernel's nooks bench (0: its default)", DefaultValueFactory = _ => 0 };
var bootsPerMode = new Option<int>("--boots") { Description = "UDP echo boots per e1000 mode (they alternate)", DefaultValueFactory = _ => 2 };
var datagrams = new Option<int>("--datagrams") { Description = "Datagrams per size per boot", DefaultValueFactory = _ => 1000 };
var sizes = new Option<string>("--sizes") { Description = "Datagram sizes in bytes, comma-separated", DefaultValueFactory = _ => "64,1024" };
var stepTimeout = new Option<int>("--timeout") { Description = "Seconds allowed for each boot and console step (x10 under -icount)", DefaultValueFactory = _ => 120 };
var nooksBench = new Command("nooks", "Isolation costs (nooks bench, cycles and -icount instructions) and UDP echo, e1000 native vs isolated; writes out/bench/nooks.md and .csv")
    { iterations, bootsPerMode, datagrams, sizes, stepTimeout };
nooksBench.SetAction(parsed =>
{
    var layout = RepoLayout.Find();
    var options = new NooksBenchOptions
    {
        Iterations = parsed.GetValue(iterations),
        EchoBootsPerMode = parsed.GetValue(bootsPerMode),
        Datagrams = parsed.GetValue(datagrams),
        Sizes = parsed.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList(),
        Timeout = TimeSpan.FromSeconds(parsed.GetValue(stepTimeout)),
    };
    string commandLine = string.Join(' ', new[] { "./build.sh", "bench", "nooks" }.Concat(args.Skip(2)));
    NooksBenchResults results = BenchProgress.Run(layout, options);
    string directory = Path.Combine(layout.Out, "bench");
    Directory.CreateDirectory(directory);
    string markdown = NooksBenchReport.Markdown(results, commandLine);
    File.WriteAllText(Path.Combine(directory, "nooks.md"), markdown);
    File.WriteAllText(Path.Combine(directory, "nooks.csv"), NooksBenchReport.Csv(results));
    Console.WriteLine();
    Console.WriteLine(markdown);
    Console.WriteLine($"written: {Path.GetRelativePath(layout.Root, Path.Combine(directory, "nooks.md"))}, {Path.GetRelativePath(layout.Root, Path.Combine(directory, "nooks.csv"))}");
    return results.Succeeded ? 0 : 1;
});
var rounds = new Option<int>("--rounds") { Description = "Trials of each fault class in each mode", DefaultValueFactory = _ => 1 };
var onlyClasses = new Option<string>("--classes") { Description = "Fault classes, comma-separated (default: every class `fault list` names)" };
var faultsBench = new Command("faults", "Fault-injection campaign: every faulty class, native vs isolated, in fresh boots; writes out/bench/faults.md")
    { rounds, onlyClasses };
faultsBench.SetAction(parsed =>
{
    var layout = RepoLayout.Find();
    layout.RequireBuilt(layout.Kernel);
    var options = new FaultCampaignOptions { Rounds = parsed.GetValue(rounds) };
    var started = System.Diagnostics.Stopwatch.StartNew();
    HostNote host = HostNote.Read();
    IReadOnlyList<string> classes = parsed.GetValue(onlyClasses) is string list
        ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : FaultCampaign.ListClasses(layout, options);
    var trials = new List<FaultTrial>();
    foreach (string faultClass in classes)
        for (int round = 1; round <= options.Rounds; round++)
            foreach (string mode in FaultCampaign.Modes)
            {
                FaultTrial trial = FaultCampaign.Run(layout, faultClass, mode, round, options);
                Console.WriteLine($"{faultClass,-20} {mode,-9} #{round}: {FaultCampaignReport.Name(trial.Outcome)}{(trial.Error is null ? "" : $" ({trial.Error})")}");
                trials.Add(trial);
            }
    string commandLine = string.Join(' ', new[] { "./build.sh", "bench", "faults" }.Concat(args.Skip(2)));
    string markdown = FaultCampaignReport.Markdown(trials, commandLine, host, started.Elapsed);
    string directory = Path.Combine(layout.Out, "bench");
    Directory.CreateDirectory(directory);
    File.WriteAllText(Path.Combine(directory, "faults.md"), markdown);
    Console.WriteLine();
    Console.WriteLine(markdown);
    Console.WriteLine($"written: {Path.GetRelativePath(layout.Root, Path.Combine(directory, "faults.md"))}");
    return trials.Any(t => t.Mode == "isolated" && t.Outcome == FaultOutcome.KernelLost) ? 1 : 0;
});
var bench = new Command("bench", "Benchmarks") { bootBench, nooksBench, faultsBench };

var images = new Argument<string[]>("images") { Description = "ELF files (linked images or ILC objects)", Arity = ArgumentArity.OneOrMore };
var checkRedZone = new Command("check-redzone", "Fail if any 64-bit code addresses memory below RSP") { images };
checkRedZone.SetAction(parsed =>
{
    int found = 0;
    foreach (string image in parsed.GetValue(images)!)
    {
        foreach (RedZoneFinding finding in RedZoneCheck.Scan(ElfImage.Load(image)))
        {
            Console.Error.WriteLine($"red zone: {image}: {finding}");
            found++;
        }
    }
    return found == 0 ? 0 : 1;
});

var resultsDirectory = new Option<string>("--results") { Description = "Directory holding SUITE.trx files", Required = true };
var suites = new Argument<string[]>("suites") { Description = "SUITE=RUNNER_EXIT_CODE for each suite that ran", Arity = ArgumentArity.OneOrMore };
var testSummary = new Command("test-summary", "Print the closing 'tests: N passed, N failed' line over all suites") { resultsDirectory, suites };
testSummary.SetAction(parsed =>
{
    TestCounts total = TestCounts.None;
    foreach (string suite in parsed.GetValue(suites)!)
    {
        string[] nameAndCode = suite.Split('=', 2);
        string trx = Path.Combine(parsed.GetValue(resultsDirectory)!, nameAndCode[0] + ".trx");
        total += TestCounts.ForSuite(File.Exists(trx) ? File.ReadAllText(trx) : null, int.Parse(nameAndCode[1]));
    }
    Console.WriteLine(total.SummaryLine());
    return total.Failed == 0 && total.Passed > 0 ? 0 : 1;
});

var root = new RootCommand("Nooks.OS host tools") { run, bench, checkRedZone, testSummary };
return root.Parse(args).Invoke();
