namespace Nooks.Tools;

// Where the repository and the build products are, wherever a tool or test runs from.
public sealed class RepoLayout
{
    public const string SolutionFile = "Nooks.OS.sln";
    public const string OutDirectoryVariable = "NOOKS_OUT";
    public const string BootModulesManifest = "boot-modules.txt";

    public string Root { get; }
    public string Out { get; }

    public RepoLayout(string root, string? outDirectory = null)
    {
        Root = Path.GetFullPath(root);
        Out = Path.GetFullPath(outDirectory ?? Path.Combine(Root, "out"));
    }

    public string Kernel => Path.Combine(Out, "kernel.elf");
    public string Iso => Path.Combine(Out, "nooks.iso");
    public string Disk => Path.Combine(Out, "disk.img");

    // build.sh writes the boot modules (paths relative to out/) one a line, so every runner passes the same ones.
    public IReadOnlyList<string> BootModules()
    {
        string manifest = Path.Combine(Out, BootModulesManifest);
        if (!File.Exists(manifest)) return [];
        return File.ReadAllLines(manifest)
            .Where(line => line.Length > 0)
            .Select(line => Path.Combine(Out, line))
            .ToList();
    }

    // Walks up from start (default: this assembly's directory) to the directory holding the solution.
    public static RepoLayout Find(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            directory = directory.Parent;
        if (directory is null)
            throw new DirectoryNotFoundException($"no {SolutionFile} above {start ?? AppContext.BaseDirectory}");
        return new RepoLayout(directory.FullName, Environment.GetEnvironmentVariable(OutDirectoryVariable));
    }

    public void RequireBuilt(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"{file} is missing: run ./build.sh first", file);
    }
}
