; Entry of every user program and its way into the kernel. The kernel starts a program at
; _start with RDI = its argument text (UTF-16 on the stack), RSI = the argument's length in chars,
; RSP = the top of its stack.
bits 64
section .text

extern user_main
extern __start___modules, __stop___modules
global _start, user_syscall

_start:
    xor ebp, ebp
    and rsp, -16
    lea rdx, [rel __start___modules]
    lea rcx, [rel __stop___modules]
    call user_main
    ud2                         ; user_main ends with the exit system call

; long user_syscall(number, a1, a2, a3, a4, a5): the System V arguments moved to the system call
; registers (R10 stands in for RCX, which `syscall` overwrites with the return address).
user_syscall:
    mov rax, rdi
    mov rdi, rsi
    mov rsi, rdx
    mov rdx, rcx
    mov r10, r8
    mov r8, r9
    syscall
    ret
