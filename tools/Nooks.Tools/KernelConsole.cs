namespace Nooks.Tools;

// What the host expects to see from, and say to, the kernel on its serial console.
public static class KernelConsole
{
    // The point where the system is up. Until the shell exists this is the boot banner; then it
    // becomes the prompt "nooks# ", and every test and benchmark follows.
    public const string ReadyMarker = "Nooks.OS";
    public const string PowerOffCommand = "poweroff";
}
