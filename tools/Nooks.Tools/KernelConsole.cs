namespace Nooks.Tools;

// What the host expects to see from, and say to, the kernel on its serial console.
public static class KernelConsole
{
    // The ring-3 shell's prompt (kernel/user/sh), started by init. Without an init module the
    // kernel falls back to its pre-init console, whose prompt is "nooks> ".
    public const string Prompt = "nooks# ";

    // The point where the system is up and reads commands. Not the banner: under GRUB the menu
    // entry "Nooks.OS" shows before the kernel runs, and input sent then is lost.
    public const string ReadyMarker = Prompt;
    public const string PowerOffCommand = "poweroff";
}
