using Nooks.Isolation;
using Nooks.Tracking;

namespace Nooks.Extensions
{
    // One loaded extension: its image, how it runs, what it holds, and how often it failed.
    public sealed class Extension
    {
        public readonly string Name;
        public readonly ulong ModuleAddress;   // the image file as the bootloader delivered it
        public readonly ulong ModuleLength;
        public ExtensionMode Mode;
        public ExtensionState State = ExtensionState.Loading;
        public ExtensionImage Image;
        public ObjectTracker Tracker = new ObjectTracker();
        public Domain Domain;                  // null when native
        public Packets.PacketPool Packets;     // made at its first packet
        public Kernel.Pci.PciDevice Device;    // the PCI function it drives (DeviceBindings), if any
        public int Faults;
        public Recovery.FaultWindow RecentFaults;
        public int Restarts;
        public ulong Crossings;                // XPCs in both directions
        public bool InjectFault;               // `nooks inject`: fault on the next call into it
        public string LastFault = "";
        public ulong LastFaultNanos;
        public ulong LastRecoveryNanos;
        // A page the extension may write, for arguments and results the kernel copies across.
        public ulong Mailbox;
        public const int MailboxHalf = 2048;

        public Extension(string name, ulong moduleAddress, ulong moduleLength, ExtensionMode mode)
        {
            Name = name;
            ModuleAddress = moduleAddress;
            ModuleLength = moduleLength;
            Mode = mode;
        }

        public bool IsIsolated => Mode == ExtensionMode.Isolated;
        public bool IsRunning => State == ExtensionState.Running;
        // Whether calls into the extension (and threads returning into it) may proceed.
        // A shell command is running in the extension and using its mailbox.
        public bool MailboxBusy;
        public bool AcceptsCalls => State == ExtensionState.Running || State == ExtensionState.Loading;
    }
}
