export default function Page() {
  return <main>Aftershock</main>;
}
