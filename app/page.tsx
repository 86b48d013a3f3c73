import { Dashboard } from "./components/dashboard";

// A thin server component: everything on the dashboard is live, so it renders in the browser.
export default function Page() {
  return <Dashboard />;
}
