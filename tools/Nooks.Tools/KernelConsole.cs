namespace Nooks.Tools;

// What the host expects to see from, and say to, the kernel on its serial console.
public static class KernelConsole
{
    // The pre-init console's prompt (kernel/Console/BootConsole.cs). When the ring-3 shell
    // exists this becomes its prompt "nooks# ", and every test and benchmark follows.
    public const string Prompt = "nooks> ";

    // The point where the system is up and reads commands. Not the banner: under GRUB the menu
    // entry "Nooks.OS" shows before the kernel runs, and input sent then is lost.
    public const string ReadyMarker = Prompt;
    public const string PowerOffCommand = "poweroff";
}
