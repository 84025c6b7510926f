using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Memory;

namespace Nooks.Commands
{
    // Runs a command an extension registered. Arguments and output travel through the
    // extension's mailbox page, which its domain may write; the kernel copies in and out.
    public static unsafe class ExtensionCommand
    {
        public static string Run(Extension owner, ulong handler, string name, string args)
        {
            if (!owner.IsRunning) return $"{name}: extension {owner.Name} is {ExtensionNames.Of(owner.State)}\n";
            // One mailbox per extension: a second command while the first sleeps would overwrite it.
            if (owner.MailboxBusy) return $"{name}: extension {owner.Name} is busy with another command\n";
            owner.MailboxBusy = true;
            byte* box = (byte*)owner.Mailbox;
            int argLength = args.Length < Extension.MailboxHalf ? args.Length : Extension.MailboxHalf;
            for (int i = 0; i < argLength; i++) box[i] = (byte)args[i];
            byte* output = box + Extension.MailboxHalf;
            long written = (int)Gate.Call(owner, handler, (long)box, argLength, (long)output, Extension.MailboxHalf);   // a C int
            owner.MailboxBusy = false;
            if (written == ApiStatus.ExtensionFailed && owner.State == ExtensionState.Unloaded) return $"{name}: extension {owner.Name} was unloaded\n";
            if (written == ApiStatus.ExtensionFailed) return $"{name}: extension {owner.Name} failed: {owner.LastFault}\n";
            if (written < 0) return $"{name}: error {written}\n";
            if (written > Extension.MailboxHalf) written = Extension.MailboxHalf;
            string text = new string('\0', (int)written);
            fixed (char* chars = text)
                for (int i = 0; i < written; i++) chars[i] = (char)output[i];
            return text;
        }
    }
}
