using System;

namespace Nooks.Kernel.Boot
{
    public struct BootModule
    {
        public ulong Start;
        public ulong End;
        public string Name;
    }

    // What the bootloader told us, in one shape whichever Multiboot version delivered it.
    public sealed class BootInfo
    {
        public const int MaxRegions = 64;
        public const int MaxModules = 32;

        public string Loader = "";
        public string CommandLine = "";
        public readonly MemoryRegion[] Regions = new MemoryRegion[MaxRegions];
        public int RegionCount;
        public readonly BootModule[] Modules = new BootModule[MaxModules];
        public int ModuleCount;
        public string Error;

        public void AddRegion(ulong baseAddress, ulong length, MemoryKind kind)
        {
            if (RegionCount < MaxRegions) Regions[RegionCount++] = new MemoryRegion { Base = baseAddress, Length = length, Kind = kind };
        }

        // A module is named by the base name of the first word of its command line, so that
        // `-initrd out/ext/e1000` (QEMU) and `module2 /boot/modules/e1000 e1000` (GRUB) agree.
        public void AddModule(ulong start, ulong end, string commandLine)
        {
            if (ModuleCount < MaxModules) Modules[ModuleCount++] = new BootModule { Start = start, End = end, Name = ModuleName(commandLine) };
        }

        public static string ModuleName(string commandLine)
        {
            System.ReadOnlySpan<char> s = commandLine;
            int space = s.IndexOf(' ');
            if (space >= 0) s = s.Slice(0, space);
            int slash = -1;
            for (int i = 0; i < s.Length; i++) if (s[i] == '/') slash = i;
            return new string(s.Slice(slash + 1));
        }

        public ulong UsableBytes
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < RegionCount; i++) if (Regions[i].Kind == MemoryKind.Usable) total += Regions[i].Length;
                return total;
            }
        }

        public ulong HighestUsableAddress
        {
            get
            {
                ulong top = 0;
                for (int i = 0; i < RegionCount; i++)
                    if (Regions[i].Kind == MemoryKind.Usable && Regions[i].Base + Regions[i].Length > top)
                        top = Regions[i].Base + Regions[i].Length;
                return top;
            }
        }

        // True if the kernel command line has `option` as one of its space-separated words.
        public bool HasOption(string option) => CommandLineOptions.Has(CommandLine, option);

        public BootModule? FindModule(string name)
        {
            for (int i = 0; i < ModuleCount; i++) if (Modules[i].Name == name) return Modules[i];
            return null;
        }
    }
}
