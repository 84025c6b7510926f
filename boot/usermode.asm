; Entering ring 3, coming back from it, and the `syscall` entry. No red zone use.
bits 64
section .text

USER_DATA_SELECTOR equ 0x18 | 3         ; kernel/Arch/Gdt.cs
USER_CODE_SELECTOR equ 0x20 | 3
RFLAGS_IF          equ 1 << 9

extern kernel_stack_for_user_entry, syscall_dispatch
global k_enter_user, k_syscall_entry

; noreturn void k_enter_user(ulong rip, ulong rsp, ulong arg0, ulong arg1, ulong rflags)
; iretq to ring 3 with RDI = arg0, RSI = arg1 and every other register cleared, so that no
; kernel value leaks. The kernel frames above this call are dead from here on: system calls
; and interrupts from ring 3 start again at the top of the thread's kernel stack.
k_enter_user:
    push USER_DATA_SELECTOR
    push rsi
    push r8
    push USER_CODE_SELECTOR
    push rdi
    mov rdi, rdx
    mov rsi, rcx
    xor eax, eax
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    xor ebp, ebp
    xor r8d, r8d
    xor r9d, r9d
    xor r10d, r10d
    xor r11d, r11d
    xor r12d, r12d
    xor r13d, r13d
    xor r14d, r14d
    xor r15d, r15d
%assign i 0
%rep 16
    pxor xmm %+ i, xmm %+ i
%assign i i + 1
%endrep
    iretq

; syscall arrives with RCX = user RIP, R11 = user RFLAGS, RSP = user RSP, and IF, DF, TF, AC
; clear (SFMASK). Interrupts are off until the stack is the thread's own kernel stack, so a
; single scratch word is enough to carry the user RSP across the switch.
; The frame below is kernel/Syscalls/SyscallFrame.cs, lowest address first.
k_syscall_entry:
    mov [rel user_rsp_scratch], rsp
    mov rsp, [rel kernel_stack_for_user_entry]
    push qword [rel user_rsp_scratch]
    push rcx                    ; user RIP
    push r11                    ; user RFLAGS
    push rax                    ; system call number
    push rdi
    push rsi
    push rdx
    push r10
    push r8
    push r9
    mov rdi, rsp                ; 10 words below a 16-byte aligned top: aligned for the call
    test r11, RFLAGS_IF
    jz .call
    sti
.call:
    call syscall_dispatch
    cli
    ; Argument registers go back to their user values: the C# code leaves kernel values in them.
    pop r9
    pop r8
    pop r10
    pop rdx
    pop rsi
    pop rdi
    add rsp, 8                  ; the number; RAX holds the result
    pop r11
    pop rcx
    pop rsp
    o64 sysret

section .bss
user_rsp_scratch: resq 1

section .text
global k_syscall_entry_address
k_syscall_entry_address:
    lea rax, [rel k_syscall_entry]
    ret
